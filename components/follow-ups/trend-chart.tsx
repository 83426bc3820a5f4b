"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Locale } from "@/lib/time";

const intlLocale = (locale: Locale) => (locale === "id" ? "id-ID" : "en-GB");

/**
 * The 12-month trend (created vs verified) drawn by uPlot (~50 KB), with months and numbers in
 * the reader's language ("Jan 2026", "1.234"). The same numbers are in the table under it, which
 * is the accessible alternative; the canvas is labelled as an image.
 */
export function TrendChart({
  months,
  created,
  verified,
  locale,
  labels,
}: {
  months: string[];
  created: number[];
  verified: number[];
  locale: Locale;
  labels: { created: string; verified: string; chart: string; month: string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const monthFmt = new Intl.DateTimeFormat(intlLocale(locale), { month: "short", year: "numeric", timeZone: "UTC" });
    const numberFmt = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
    const month = (ts: number | null) => (ts === null ? "—" : monthFmt.format(new Date(ts * 1000)));
    const count = (v: number | null) => (v === null ? "—" : numberFmt.format(v));
    const xs = months.map((m) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) / 1000);
    const width = () => Math.max(260, el.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "UTC"),
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
        axes: [
          { space: 80, values: (_u, ticks) => ticks.map((ts) => month(ts)) },
          { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? count(v) : "")) },
        ],
        series: [
          { label: labels.month, value: (_u, v) => month(v) },
          { label: labels.created, stroke: "#0b4f8a", width: 2, points: { show: true }, value: (_u, v) => count(v) },
          { label: labels.verified, stroke: "#066b3a", width: 2, dash: [6, 4], points: { show: true }, value: (_u, v) => count(v) },
        ],
        legend: { live: false },
      },
      [xs, created, verified],
      el,
    );
    const onResize = () => plot.setSize({ width: width(), height: 260 });
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("resize", onResize);
      plot.destroy();
    };
  }, [months, created, verified, locale, labels.created, labels.verified, labels.month]);
  return <div ref={ref} className="fu-chart" role="img" aria-label={labels.chart} />;
}
