import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import "@/components/follow-ups/follow-ups.css";
import { CategoryChart } from "@/components/follow-ups/category-chart";
import { TrendChart } from "@/components/follow-ups/trend-chart";
import { ScrollTable } from "@/components/ui/scroll-table";
import { requireUser } from "@/lib/auth/session";
import { completionRate } from "@/lib/follow-ups/completion";
import { getDashboard, type Aggregate } from "@/lib/follow-ups/dashboard";
import { filtersToSearch, type ListFilters } from "@/lib/follow-ups/schemas";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Dasbor" };

const list = (f: Partial<ListFilters>) => `/follow-ups${filtersToSearch(f)}`;

/** Numbers as the reader writes them: "1.234", "44,0", "100,0%" in Indonesian. */
function formats(locale: Locale) {
  const tag = locale === "id" ? "id-ID" : "en-GB";
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(tag, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return { int: (n: number) => int.format(n), one: (n: number) => one.format(n), pct: (n: number) => pct.format(n / 100), month: new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" }) };
}
type Formats = ReturnType<typeof formats>;

/** The status columns: together they make the total. */
const PARTS = [
  ["open", "open", "followUps.status.open"],
  ["inProgress", "in_progress", "followUps.status.in_progress"],
  ["reported", "reported", "followUps.status.reported"],
  ["verified", "verified", "followUps.status.verified"],
  ["cancelled", "cancelled", "followUps.status.cancelled"],
] as const;

/**
 * One row's numbers. Only the counts a head acts on link to the list (total, reported for
 * verification, overdue); the rest are plain numbers: eleven links per row made the page of a
 * 28-unit division 245 KB. A link's purpose comes from its row and column headers.
 */
const LINKED = new Set<string>(["reported"]);

function Cells({ a, base, t, f }: { a: Aggregate; base: Partial<ListFilters>; t: Translate; f: Formats }) {
  const n = (value: number, key: string, filter?: Partial<ListFilters>) => (
    <td className="fu-num" data-col={key}>
      {filter && value > 0 ? <Link href={list({ ...base, ...filter })}>{f.int(value)}</Link> : f.int(value)}
    </td>
  );
  const completion = completionRate(a);
  const none = t("common.none");
  return (
    <>
      {n(a.total, "total", {})}
      {PARTS.map(([key, status]) => n(a[key], key, LINKED.has(key) ? { status } : undefined))}
      {n(a.overdue, "overdue", { overdue: true })}
      <td className="fu-num" data-col="completion">
        {completion === null ? none : f.pct(completion)}
      </td>
      <td className="fu-num" data-col="onTime">
        {a.onTimeRate === null ? none : f.pct(a.onTimeRate)}
      </td>
      <td className="fu-num" data-col="median">
        {a.medianDaysToVerify === null ? none : f.one(a.medianDaysToVerify)}
      </td>
    </>
  );
}

function Head({ first, t }: { first: string; t: Translate }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="fu-num">
          {t("followUps.dashboard.total")}
        </th>
        {PARTS.map(([key, , label]) => (
          <th key={key} scope="col" className="fu-num">
            {t(label)}
          </th>
        ))}
        <th scope="col" className="fu-num">
          {t("followUps.badges.overdue")}
        </th>
        <th scope="col" className="fu-num">
          {t("followUps.dashboard.completion")}
        </th>
        <th scope="col" className="fu-num">
          {t("followUps.dashboard.onTimeRate")}
        </th>
        <th scope="col" className="fu-num">
          {t("followUps.dashboard.medianDays")}
        </th>
      </tr>
    </thead>
  );
}

export default async function DashboardPage() {
  await connection();
  const user = await requireUser();
  if (!can(user, "dashboard.view")) notFound();
  const [t, locale, dash] = await Promise.all([getT(), getLocale(), getDashboard(user)]);
  const f = formats(locale);
  const monthName = (m: string) => f.month.format(new Date(`${m}-01T00:00:00Z`));
  return (
    <>
      <h1>{t("followUps.dashboard.title")}</h1>
      <section aria-labelledby="per-unit">
        <h2 id="per-unit">{t("followUps.dashboard.perUnit")}</h2>
        <p className="muted">
          {t("followUps.dashboard.sumNote")} {t("followUps.dashboard.completionHelp")}
        </p>
        <ScrollTable label={t("followUps.dashboard.perUnit")}>
          <table className="dash-table">
            <Head first={t("followUps.fields.unit")} t={t} />
            <tbody>
              {dash.units.map((u) => (
                <tr key={u.unitId} data-unit={u.unitName}>
                  <th scope="row">
                    <Link href={list({ unitId: u.unitId })}>{u.unitName}</Link>
                  </th>
                  <Cells a={u} base={{ unitId: u.unitId }} t={t} f={f} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-unit="overall">
                <th scope="row">{t("followUps.dashboard.overall")}</th>
                <Cells a={dash.overall} base={{}} t={t} f={f} />
              </tr>
            </tfoot>
          </table>
        </ScrollTable>
      </section>

      <section aria-labelledby="charts">
        <h2 id="charts" className="sr-only">
          {t("followUps.dashboard.charts")}
        </h2>
        <div className="dash-charts">
          <div className="card">
            <h3 style={{ marginTop: 0 }}>{t("followUps.dashboard.trend")}</h3>
            <TrendChart
              months={dash.trend.map((p) => p.month)}
              created={dash.trend.map((p) => p.created)}
              verified={dash.trend.map((p) => p.verified)}
              locale={locale}
              labels={{ created: t("followUps.dashboard.trendCreated"), verified: t("followUps.dashboard.trendVerified"), chart: t("followUps.dashboard.chartLabel"), month: t("followUps.dashboard.month") }}
            />
          </div>
          <div className="card">
            <h3 style={{ marginTop: 0 }}>{t("followUps.dashboard.categoryChart")}</h3>
            <CategoryChart
              label={t("followUps.dashboard.categoryChartLabel")}
              rows={dash.categories.map((c) => ({
                id: c.categoryId,
                name: locale === "en" ? c.nameEn : c.nameId,
                parts: PARTS.map(([key, status, label]) => ({ key: status, label: t(label), value: c[key] })),
                total: c.total,
              }))}
              format={f.int}
            />
          </div>
        </div>
        <ScrollTable label={t("followUps.dashboard.trend")}>
          <table>
            <caption className="sr-only">{t("followUps.dashboard.trend")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("followUps.dashboard.month")}</th>
                <th scope="col" className="fu-num">
                  {t("followUps.dashboard.trendCreated")}
                </th>
                <th scope="col" className="fu-num">
                  {t("followUps.dashboard.trendVerified")}
                </th>
              </tr>
            </thead>
            <tbody>
              {dash.trend.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{monthName(p.month)}</th>
                  <td className="fu-num">{f.int(p.created)}</td>
                  <td className="fu-num">{f.int(p.verified)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>

      <section aria-labelledby="per-category">
        <h2 id="per-category">{t("followUps.dashboard.perCategory")}</h2>
        <ScrollTable label={t("followUps.dashboard.perCategory")}>
          <table className="dash-table">
            <Head first={t("followUps.fields.category")} t={t} />
            <tbody>
              {dash.categories.map((c) => (
                <tr key={c.categoryId} data-category={c.nameId}>
                  <th scope="row">
                    <Link href={list({ categoryId: c.categoryId })}>{locale === "en" ? c.nameEn : c.nameId}</Link>
                  </th>
                  <Cells a={c} base={{ categoryId: c.categoryId }} t={t} f={f} />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
    </>
  );
}
