import "server-only";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { isLocale } from "@/lib/i18n/translate";
import type { CurrentUser } from "./types";

/** The user as the query returns it: the locale still unchecked text, plus the account's state. */
type Row = Omit<CurrentUser, "locale" | "scopeUnitIds"> & { locale: string; scopeUnitIds: string[]; active: boolean; sessionVersion: number };

/**
 * Loads a user with their oversight scope: the nearest division above (or at) their unit, or
 * their own unit at the top of the tree, and every unit below it. One query.
 */
export async function loadUser(userId: string): Promise<{ user: CurrentUser; active: boolean; sessionVersion: number } | null> {
  const [row] = await rows<Row>(sql`
    with recursive up as (
      select w.id, w.parent_id, w.kind, 0 as depth
        from work_units w join users u on u.work_unit_id = w.id where u.id = ${userId}
      union all
      select w.id, w.parent_id, w.kind, up.depth + 1 from work_units w join up on w.id = up.parent_id
    ), scope_root as (
      select coalesce((select id from up where kind = 'division' order by depth limit 1),
                      (select id from up where depth = 0)) as id
    ), down as (
      select id from work_units where id = (select id from scope_root)
      union all
      select w.id from work_units w join down on w.parent_id = down.id
    )
    select u.id, u.name, u.email, u.role, u.position, u.work_unit_id, w.name as work_unit_name, w.time_zone,
           u.active, u.session_version, u.locale,
           (select id from scope_root) as scope_unit_id,
           (select coalesce(json_agg(id), '[]'::json) from down) as scope_unit_ids
      from users u join work_units w on w.id = u.work_unit_id
     where u.id = ${userId}`);
  if (!row) return null;
  const { active, sessionVersion, locale, ...rest } = row;
  const user: CurrentUser = { ...rest, locale: isLocale(locale) ? locale : "id" };

  return { user, active, sessionVersion };
}

