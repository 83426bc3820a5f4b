import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import "@/components/follow-ups/follow-ups.css";
import { TrendChart } from "@/components/follow-ups/trend-chart";
import { requireUser } from "@/lib/auth/session";
import { getDashboard, type Aggregate } from "@/lib/follow-ups/dashboard";
import { filtersToSearch, type ListFilters } from "@/lib/follow-ups/schemas";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Dasbor" };

const list = (f: Partial<ListFilters>) => `/follow-ups${filtersToSearch(f)}`;

function Cells({ a, base, t }: { a: Aggregate; base: Partial<ListFilters>; t: Translate }) {
  const n = (value: number, f: Partial<ListFilters>, label: string) => (
    <td className="fu-num">
      <Link href={list({ ...base, ...f })} aria-label={`${label}: ${value}`}>
        {value}
      </Link>
    </td>
  );
  const verifiedLink = list({ ...base, status: "verified" });
  return (
    <>
      {n(a.total, {}, t("followUps.dashboard.total"))}
      {n(a.open, { status: "open" }, t("followUps.status.open"))}
      {n(a.inProgress, { status: "in_progress" }, t("followUps.status.in_progress"))}
      {n(a.reported, { status: "reported" }, t("followUps.status.reported"))}
      {n(a.verified, { status: "verified" }, t("followUps.status.verified"))}
      {n(a.overdue, { overdue: true }, t("followUps.badges.overdue"))}
      <td className="fu-num">{a.onTimeRate === null ? t("common.none") : <Link href={verifiedLink}>{`${a.onTimeRate.toFixed(1)}%`}</Link>}</td>
      <td className="fu-num">{a.medianDaysToVerify === null ? t("common.none") : <Link href={verifiedLink}>{a.medianDaysToVerify.toFixed(1)}</Link>}</td>
    </>
  );
}

function Head({ first, t }: { first: string; t: Translate }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="fu-num">{t("followUps.dashboard.total")}</th>
        <th scope="col" className="fu-num">{t("followUps.status.open")}</th>
        <th scope="col" className="fu-num">{t("followUps.status.in_progress")}</th>
        <th scope="col" className="fu-num">{t("followUps.status.reported")}</th>
        <th scope="col" className="fu-num">{t("followUps.status.verified")}</th>
        <th scope="col" className="fu-num">{t("followUps.badges.overdue")}</th>
        <th scope="col" className="fu-num">{t("followUps.dashboard.onTimeRate")}</th>
        <th scope="col" className="fu-num">{t("followUps.dashboard.medianDays")}</th>
      </tr>
    </thead>
  );
}

export default async function DashboardPage() {
  await connection();
  const user = await requireUser();
  if (!can(user, "dashboard.view")) notFound();
  const [t, locale, dash] = await Promise.all([getT(), getLocale(), getDashboard(user)]);
  return (
    <>
      <h1>{t("followUps.dashboard.title")}</h1>
      <section aria-labelledby="per-unit">
        <h2 id="per-unit">{t("followUps.dashboard.perUnit")}</h2>
        <div className="table-wrap">
          <table>
            <Head first={t("followUps.fields.unit")} t={t} />
            <tbody>
              {dash.units.map((u) => (
                <tr key={u.unitId} data-unit={u.unitName}>
                  <th scope="row">
                    <Link href={list({ unitId: u.unitId })}>{u.unitName}</Link>
                  </th>
                  <Cells a={u} base={{ unitId: u.unitId }} t={t} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("followUps.dashboard.overall")}</th>
                <Cells a={dash.overall} base={{}} t={t} />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="trend">
        <h2 id="trend">{t("followUps.dashboard.trend")}</h2>
        <div className="card">
          <TrendChart
            months={dash.trend.map((p) => p.month)}
            created={dash.trend.map((p) => p.created)}
            verified={dash.trend.map((p) => p.verified)}
            labels={{ created: t("followUps.dashboard.trendCreated"), verified: t("followUps.dashboard.trendVerified"), chart: t("followUps.dashboard.chartLabel") }}
          />
        </div>
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("followUps.dashboard.trend")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("followUps.dashboard.month")}</th>
                <th scope="col" className="fu-num">{t("followUps.dashboard.trendCreated")}</th>
                <th scope="col" className="fu-num">{t("followUps.dashboard.trendVerified")}</th>
              </tr>
            </thead>
            <tbody>
              {dash.trend.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${p.month}-01T00:00:00Z`))}</th>
                  <td className="fu-num">{p.created}</td>
                  <td className="fu-num">{p.verified}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="per-category">
        <h2 id="per-category">{t("followUps.dashboard.perCategory")}</h2>
        <div className="table-wrap">
          <table>
            <Head first={t("followUps.fields.category")} t={t} />
            <tbody>
              {dash.categories.map((c) => (
                <tr key={c.categoryId}>
                  <th scope="row">
                    <Link href={list({ categoryId: c.categoryId })}>{locale === "en" ? c.nameEn : c.nameId}</Link>
                  </th>
                  <Cells a={c} base={{ categoryId: c.categoryId }} t={t} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
