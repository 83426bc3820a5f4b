import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/permissions";

/**
 * The policy's own SQL: for each permission that lists things, the WHERE fragment that selects
 * exactly the rows `can(user, …)` in lib/permissions.ts allows. Every list, count, dashboard and
 * export scopes through these; tests/scopes.test.ts checks each one against `can()` row by row.
 *
 * The fragments are index-friendly: equality or `= any(uuid[])` on indexed unit columns and
 * `exists` over invitations (invitations_unit_idx), never a function of the row.
 */

/** A uuid[] parameter (one bind value, works for an empty list too). Ids are validated uuids. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

const isAdmin = (user: Actor) => user.role === "admin";
const isStaff = (user: Actor) => user.role === "admin" || user.role === "secretariat" || user.role === "head";

/** The units a user may see the follow-ups of as a whole: staff their scope and own unit; others their own unit. */
const visibleUnitIds = (user: Actor) => (isStaff(user) ? [...new Set([user.workUnitId, ...user.scopeUnitIds])] : [user.workUnitId]);

/**
 * `unit.oversee` — the units whose follow-ups a user verifies, whose dashboard they read and for
 * which they create follow-ups: admins all; the secretariat and heads their division's subtree;
 * participants none. `column` is a unit id column.
 */
export function unitsOverseenBy(user: Actor, column: SQL): SQL {
  if (isAdmin(user)) return sql`true`;
  if (!isStaff(user)) return sql`false`;
  return sql`${column} = any(${uuidArray(user.scopeUnitIds)})`;
}

/** `meeting.create` — the units a user may organise meetings for (admins all, the secretariat its scope). */
export function unitsOrganisableBy(user: Actor, column: SQL): SQL {
  if (isAdmin(user)) return sql`true`;
  if (user.role !== "secretariat") return sql`false`;
  return sql`${column} = any(${uuidArray(user.scopeUnitIds)})`;
}

/**
 * The units whose follow-ups a user sees as a unit (filters, pickers): `actionItem.view` of an
 * item of that unit without a person in charge — staff their scope and own unit, others their own unit.
 */
export function unitsVisibleTo(user: Actor, column: SQL): SQL {
  if (isAdmin(user)) return sql`true`;
  if (!isStaff(user)) return sql`${column} = ${user.workUnitId}`;
  return sql`${column} = any(${uuidArray(visibleUnitIds(user))})`;
}

/**
 * `meeting.view`, over a `meetings` row named `alias` (default `m`): admin everything; staff their
 * scope's meetings (drafts too) and published ones inviting a unit in their scope; everybody
 * published meetings inviting their own unit.
 */
export function meetingsVisibleTo(user: Actor, alias: SQL = sql.raw("m")): SQL {
  if (isAdmin(user)) return sql`true`;
  // "offset 0" keeps each EXISTS a per-row probe of invitations_meeting_unit_uq: without it the
  // planner hashes every invitation of the scope first (43,000 rows for a division at ministry
  // scale) although a page needs a few dozen probes (meeting list 26 → 3 ms, docs/performance.md).
  const ownInvited = sql`exists (select 1 from invitations vi where vi.meeting_id = ${alias}.id and vi.work_unit_id = ${user.workUnitId} offset 0)`;
  if (isStaff(user)) {
    const scope = uuidArray(user.scopeUnitIds);
    return sql`(${alias}.organizer_unit_id = any(${scope}) or (${alias}.status <> 'draft' and (${ownInvited} or exists (select 1 from invitations vs where vs.meeting_id = ${alias}.id and vs.work_unit_id = any(${scope}) offset 0))))`;
  }
  return sql`(${alias}.status <> 'draft' and ${ownInvited})`;
}

/**
 * `actionItem.view`, over an `action_items` row named `alias` (default the table itself): admins
 * all; the secretariat and heads their division's units; everybody their own unit's items and the
 * items they are in charge of.
 */
export function actionItemsVisibleTo(user: Actor, alias: SQL = sql.raw('"action_items"')): SQL {
  if (isAdmin(user)) return sql`true`;
  const own = sql`${alias}.work_unit_id = ${user.workUnitId} or ${alias}.pic_user_id = ${user.id}`;
  if (!isStaff(user)) return sql`(${own})`;
  return sql`(${own} or ${alias}.work_unit_id = any(${uuidArray(user.scopeUnitIds)}))`;
}

/** `actionItem.verify` (and `decideExtension`), over an `action_items` row: the items of the units the user oversees. */
export function actionItemsVerifiableBy(user: Actor, alias: SQL = sql.raw('"action_items"')): SQL {
  return unitsOverseenBy(user, sql`${alias}.work_unit_id`);
}
