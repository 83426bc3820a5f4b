import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ActionItemTable } from "@/components/follow-ups/action-item-table";
import "@/components/follow-ups/follow-ups.css";
import { Picker } from "@/components/forms/picker";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { ACTION_ITEM_STATUSES } from "@/lib/enums";
import { requireUser } from "@/lib/auth/session";
import { listActionItems, listFilterOptions } from "@/lib/follow-ups/list-action-items";
import { filtersToSearch, parseListFilters } from "@/lib/follow-ups/schemas";
import { getLocale, getT } from "@/lib/i18n/server";
import { BadCursorError } from "@/lib/pagination";
import { can } from "@/lib/permissions";
import { personLabel, unitLabel } from "@/lib/pickers";

export const metadata: Metadata = { title: "Tindak Lanjut" };

type Search = Record<string, string | string[] | undefined>;

export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const user = await requireUser();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const filters = parseListFilters(await searchParams);
  const search = filtersToSearch({ ...filters, cursor: undefined });
  const [list, options, unitName, picName] = await Promise.all([
    listActionItems(user, filters).catch((e) => {
      // A stale or foreign page link: start again from the first page of the same filters.
      if (e instanceof BadCursorError) redirect(`/follow-ups${search}`);
      throw e;
    }),
    listFilterOptions(user),
    unitLabel(filters.unitId),
    personLabel(user, filters.picUserId),
  ]);
  const { items, total, totalCapped } = list;
  const canCreate = can(user, "actionItem.oversee");
  const staff = can(user, "dashboard.view");
  const params = Object.fromEntries(new URLSearchParams(search.slice(1)));
  const title = canCreate ? t("followUps.title") : t("followUps.myUnitTitle");
  // Someone who can see one unit's items only does not need that unit repeated on every row.
  const singleUnit = options.units.length <= 1;
  const active = [filters.q, filters.unitId, filters.status, filters.categoryId, filters.picUserId, filters.dueFrom, filters.dueTo, filters.overdue, filters.dueSoon, filters.mine].filter(Boolean).length;
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {canCreate ? (
          <Link className="btn" href="/follow-ups/new">
            {t("followUps.new")}
          </Link>
        ) : null}
      </div>
      <details className="filters-toggle card" open={false}>
        <summary className="btn btn-secondary">
          {t("followUps.filters.button")}
          {active > 0 ? <span className="badge badge-info">{t("followUps.filters.active", { count: active })}</span> : null}
        </summary>
      <form className="filters" method="get" role="search" aria-label={t("followUps.filters.legend")}>
        <div className="field">
          <label htmlFor="q">{t("followUps.fields.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        {staff ? <Picker label={t("followUps.fields.unit")} source="units" params={{ scope: "visible" }} name="unitId" defaultValue={filters.unitId ?? ""} initialLabel={unitName} placeholder={t("followUps.filters.all")} /> : null}
        <div className="field">
          <label htmlFor="status">{t("followUps.fields.status")}</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("followUps.filters.all")}</option>
            {ACTION_ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`followUps.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="categoryId">{t("followUps.fields.category")}</label>
          <select id="categoryId" name="categoryId" defaultValue={filters.categoryId ?? ""}>
            <option value="">{t("followUps.filters.all")}</option>
            {options.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {locale === "en" ? c.nameEn : c.nameId}
              </option>
            ))}
          </select>
        </div>
        <Picker label={t("followUps.fields.pic")} source="people" params={{ scope: "visible" }} name="picUserId" defaultValue={filters.picUserId ?? ""} initialLabel={picName} placeholder={t("followUps.filters.all")} />
        <div className="field">
          <label htmlFor="dueFrom">{t("followUps.fields.dueFrom")}</label>
          <input id="dueFrom" name="dueFrom" type="date" defaultValue={filters.dueFrom ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="dueTo">{t("followUps.fields.dueTo")}</label>
          <input id="dueTo" name="dueTo" type="date" defaultValue={filters.dueTo ?? ""} />
        </div>
        {filters.meetingId ? <input type="hidden" name="meetingId" value={filters.meetingId} /> : null}
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} />
            {t("followUps.filters.overdue")}
          </label>
          <label className="checkbox">
            <input type="checkbox" name="dueSoon" value="1" defaultChecked={filters.dueSoon} />
            {t("followUps.filters.dueSoon")}
          </label>
          {staff ? (
            <label className="checkbox">
              <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} />
              {t("followUps.filters.mine")}
            </label>
          ) : null}
        </div>
        <div className="field">
          <button type="submit" className="btn">
            {t("actions.filter")}
          </button>
          <Link href="/follow-ups">{t("actions.reset")}</Link>
        </div>
      </form>
      </details>
      <div className="fu-list-head">
        <p className="muted" aria-live="polite">
          {totalCapped ? t("followUps.countCapped", { total }) : t("followUps.count", { total })}
        </p>
        <div className="fu-export">
          <a className="btn btn-secondary btn-small" href={`/follow-ups/export${search ? `${search}&` : "?"}format=xlsx`}>
            {t("followUps.exportXlsx")}
          </a>
          <a className="btn btn-secondary btn-small" href={`/follow-ups/export${search ? `${search}&` : "?"}format=csv`}>
            {t("followUps.exportCsv")}
          </a>
        </div>
      </div>
      <ActionItemTable items={items} t={t} locale={locale} caption={title} showUnit={!singleUnit} />
      <CursorPagination basePath="/follow-ups" params={params} nextCursor={list.nextCursor} prevCursor={list.prevCursor} />
    </>
  );
}
