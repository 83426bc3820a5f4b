"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/**
 * The 12-month trend (created vs verified) drawn by uPlot (~50 KB). The same numbers are in the
 * table under it, which is the accessible alternative; the canvas is labelled as an image.
 */
export function TrendChart({ months, created, verified, labels }: { months: string[]; created: number[]; verified: number[]; labels: { created: string; verified: string; chart: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const xs = months.map((m) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) / 1000);
    const width = () => Math.max(280, el.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "UTC"),
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
        axes: [{ values: (_u, ticks) => ticks.map((ts) => new Date(ts * 1000).toISOString().slice(0, 7)) }, {}],
        series: [
          {},
          { label: labels.created, stroke: "#0b4f8a", width: 2, points: { show: true } },
          { label: labels.verified, stroke: "#066b3a", width: 2, dash: [6, 4], points: { show: true } },
        ],
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
  }, [months, created, verified, labels.created, labels.verified]);
  return <div ref={ref} className="fu-chart" role="img" aria-label={labels.chart} />;
}
