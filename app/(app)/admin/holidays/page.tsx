import type { Metadata } from "next";
import { connection } from "next/server";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { HolidayForm } from "@/components/admin/holiday-form";
import { ActionButton } from "@/components/meetings/action-button";
import { getLocale, getT } from "@/lib/i18n/server";
import { listHolidaysForAdmin } from "@/lib/offices/holidays";
import { listOffices } from "@/lib/offices/office";
import { formatCalendarDate, todayIn } from "@/lib/time";
import { addHolidayAction, deleteHolidayAction } from "./actions";

export const metadata: Metadata = { title: "Hari libur" };

/** Holidays and office days off: a meeting planned on one asks for a confirmation. */
export default async function HolidaysPage() {
  await connection();
  const user = await requireAdmin();
  const from = `${todayIn(user.timeZone).slice(0, 4)}-01-01`;
  const [t, locale, list, offices] = await Promise.all([getT(), getLocale(), listHolidaysForAdmin(user, from), listOffices()]);
  const h = (k: string, v?: Record<string, string>) => t(`offices.holidays.${k}`, v);
  return (
    <>
      <h1>{h("title")}</h1>
      <p className="muted">{h("intro")}</p>
      <section className="card" aria-labelledby="holiday-new-h">
        <h2 id="holiday-new-h">{h("new")}</h2>
        <HolidayForm offices={offices.map((o) => ({ id: o.id, name: o.name }))} action={addHolidayAction} />
      </section>
      <section aria-labelledby="holiday-list-h">
        <h2 id="holiday-list-h">{h("list")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{h("date")}</th>
                <th scope="col">{h("name")}</th>
                <th scope="col">{h("office")}</th>
                <th scope="col">
                  <span className="sr-only">{t("actions.delete")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={row.date}>{formatCalendarDate(row.date, locale)}</time>
                  </td>
                  <td>{row.name}</td>
                  <td>{row.officeName ?? h("allOffices")}</td>
                  <td>
                    <ActionButton
                      action={deleteHolidayAction.bind(null, row.id)}
                      label={h("remove", { name: row.name })}
                      confirm={{ title: h("removeTitle"), body: <p>{h("removeBody", { name: row.name })}</p>, confirmLabel: h("removeConfirm"), danger: true }}
                    >
                      {t("actions.delete")}
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
