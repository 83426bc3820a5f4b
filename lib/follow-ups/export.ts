import type { CurrentUser } from "@/lib/auth/types";
import { dateCell, safeCell, titledWorkbook, toCsv } from "@/lib/spreadsheet";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { createT } from "@/lib/i18n/translate";
import { isUuid } from "@/lib/ids";
import { officeOf } from "@/lib/offices/office";
import { uuidArray } from "@/lib/scopes";
import { formatCalendarDate, formatDateTime } from "@/lib/time";
import { listForExport } from "./list-action-items";
import type { ListFilters } from "./schemas";

export { dateCell, safeCell, toCsv };

/** The due date's column in the export (0-based). */
const DUE_COLUMN = 7;

async function exportTable(user: CurrentUser, filters: Partial<ListFilters>) {
  const t = createT(user.locale);
  const items = await listForExport(user, filters);
  const header = ["title", "unit", "category", "pic", "status", "progress", "priority", "dueDate", "overdue", "meeting"].map((k) => t(`followUps.fields.${k}`));
  const body = items.map((i) => [
    i.title,
    i.unitName,
    user.locale === "en" ? i.categoryNameEn : i.categoryNameId,
    i.picName ?? "",
    t(`followUps.status.${i.status}`),
    i.progress,
    t(`followUps.priority.${i.priority}`),
    i.dueDate,
    i.overdue ? t("common.yes") : t("common.no"),
    i.meetingTitle ?? "",
  ]);
  return { header, body };
}

export async function exportCsv(user: CurrentUser, filters: Partial<ListFilters>): Promise<string> {
  const { header, body } = await exportTable(user, filters);
  return toCsv([header, ...body]);
}

/**
 * The filters of an export as a reader of the printed list needs them: "Status: Terbuka; Unit
 * pemilik: Kanim Malang; Tenggat dari: 1 Maret 2027" — names, not ids (one query).
 */
export async function describeFilters(user: CurrentUser, filters: Partial<ListFilters>): Promise<string> {
  const t = createT(user.locale);
  const ids = [filters.unitId, filters.categoryId, filters.meetingId, filters.picUserId].filter((v): v is string => !!v && isUuid(v));
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const found = await rows<{ id: string; name: string }>(sql`
      select id, name from work_units where id = any(${uuidArray(ids)})
      union all select id, ${user.locale === "en" ? sql`name_en` : sql`name_id`} from categories where id = any(${uuidArray(ids)})
      union all select id, title from meetings where id = any(${uuidArray(ids)})
      union all select id, name from users where id = any(${uuidArray(ids)})`);
    for (const r of found) names.set(r.id, r.name);
  }
  const named = (id: string | undefined) => (id ? (names.get(id) ?? "-") : null);
  const parts: [string, string | null][] = [
    [t("followUps.fields.unit"), named(filters.unitId)],
    [t("followUps.fields.status"), filters.status ? t(`followUps.status.${filters.status}`) : null],
    [t("followUps.fields.category"), named(filters.categoryId)],
    [t("followUps.fields.meeting"), named(filters.meetingId)],
    [t("followUps.fields.pic"), named(filters.picUserId)],
    [t("followUps.fields.dueFrom"), filters.dueFrom ? formatCalendarDate(filters.dueFrom, user.locale) : null],
    [t("followUps.fields.dueTo"), filters.dueTo ? formatCalendarDate(filters.dueTo, user.locale) : null],
    [t("followUps.fields.search"), filters.q ? `"${filters.q}"` : null],
  ];
  const flags = [filters.overdue && t("followUps.filters.overdue"), filters.dueSoon && t("followUps.filters.dueSoon"), filters.mine && t("followUps.filters.mine")].filter(
    (f): f is string => typeof f === "string",
  );
  const text = [...parts.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`), ...flags].join("; ");
  return t("agenda.export.filters", { filters: text || t("agenda.export.noFilters") });
}

/**
 * The filtered list as an XLSX file an office prints: the title block (office, unit, filters,
 * when and by whom it was downloaded) above the table, the header row on every page, A4
 * landscape fitted to the width, page numbers.
 */
export async function exportXlsx(user: CurrentUser, filters: Partial<ListFilters>, now = new Date()): Promise<Uint8Array> {
  const t = createT(user.locale);
  const [{ header, body }, office, filterLine] = await Promise.all([exportTable(user, filters), officeOf(user.workUnitId), describeFilters(user, filters)]);
  const title = t("agenda.export.followUpsTitle");
  return titledWorkbook([
    {
      name: t("followUps.title"),
      title,
      lines: [office?.name, office?.name === user.workUnitName ? null : user.workUnitName, filterLine, t("agenda.export.downloaded", { when: formatDateTime(now, user.timeZone, user.locale), name: user.name })],
      header,
      // Every text cell is written as a string value (never a formula); the due date is a real date cell (sortable, filterable), shown as 31/03/2027.
      body: body.map((row) => row.map((v, i) => (i === DUE_COLUMN ? dateCell(String(v)) : typeof v === "number" ? v : String(v)))),
      widths: [50, 40, 30, 25, 15, 10, 10, 12, 10, 40],
      dateColumns: [DUE_COLUMN],
      footer: title,
      pageLabel: t("agenda.export.page"),
    },
  ]);
}
