import type { Metadata } from "next";
import { connection } from "next/server";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { listRegister, LETTER_KIND_LABELS, registerYears } from "@/lib/documents/letters";
import { ForbiddenError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { officeOf } from "@/lib/offices/office";
import { formatCalendarDate, formatDateTime, todayIn } from "@/lib/time";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Buku agenda surat keluar" };

/** The office's register of issued letters (buku agenda surat keluar): a year at a time, paginated, with an XLSX export. */
export default async function LettersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await connection();
  const user = await requireUser();
  const sp = await searchParams;
  const office = sp.office ?? (await officeOf(user.workUnitId))?.id ?? "";
  const own = await officeOf(user.workUnitId);
  const thisYear = Number(todayIn(own?.timeZone ?? "Asia/Jakarta").slice(0, 4));
  const year = /^\d{4}$/.test(sp.year ?? "") ? Number(sp.year) : thisYear;
  const page = Math.max(1, Number(sp.page) || 1);
  const t = await getT();
  let data;
  let years: number[];
  try {
    [data, years] = await Promise.all([listRegister(user, office, year, page), registerYears(user, office)]);
  } catch (e) {
    if (e instanceof ForbiddenError) notFound();
    throw e;
  }
  const yearOptions = [...new Set([thisYear, year, ...years])].sort((a, b) => b - a);
  return (
    <>
      <h1>{t("meetings.letter.register")}</h1>
      <form method="get" className="filters no-print">
        <input type="hidden" name="office" value={office} />
        <label>
          {t("meetings.letter.year")}{" "}
          <select name="year" defaultValue={String(year)}>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="btn">
          {t("meetings.letter.show")}
        </button>{" "}
        <a href={`/letters/export?office=${office}&year=${year}`}>{t("meetings.letter.exportXlsx")}</a>
      </form>
      {data.rows.length === 0 ? (
        <p>{t("meetings.letter.none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("meetings.letter.number")}</th>
                <th scope="col">{t("meetings.letter.letterDate")}</th>
                <th scope="col">{t("meetings.letter.subject")}</th>
                <th scope="col">{t("meetings.letter.addressees")}</th>
                <th scope="col">{t("meetings.letter.signerName")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/documents/letter/${r.id}`}>{r.number}</a>
                    {r.withdrawnAt ? (
                      <div>
                        <strong>{t("meetings.letter.withdrawnOn", { when: formatDateTime(r.withdrawnAt, user.timeZone, user.locale), reason: r.withdrawReason ?? "" })}</strong>
                      </div>
                    ) : null}
                  </td>
                  <td>{formatCalendarDate(r.letterDate)}</td>
                  <td>
                    {LETTER_KIND_LABELS[r.kind]}: {r.subject}
                  </td>
                  <td>{r.addresseesAttached || r.addressees.length === 0 ? "Daftar terlampir" : r.addressees.join("; ")}</td>
                  <td>{r.signerName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} hasNext={page * data.pageSize < data.total} basePath="/letters" params={{ office, year: String(year) }} />
    </>
  );
}
