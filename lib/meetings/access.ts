import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, jsonList, type DbOrTx } from "@/db/client";
import { meetings, type Meeting } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can, type Action, type MeetingResource } from "@/lib/permissions";
import { isUuid } from "@/lib/ids";
import { isEditableStatus } from "./lifecycle";

export { uuidArray } from "@/lib/scopes";

/** A meeting with what the policy needs; it is itself a MeetingResource (`resource` kept for callers that pass it on). */
export type LoadedMeeting = Meeting & { invitedUnitIds: string[]; minuteTakerUserIds: string[]; resource: MeetingResource };

export function toResource(m: Pick<Meeting, "status" | "organizerUnitId">, invitedUnitIds: string[], minuteTakerUserIds: string[], moderatorUserIds: string[] = []): MeetingResource {
  return { status: m.status, organizerUnitId: m.organizerUnitId, invitedUnitIds, minuteTakerUserIds, moderatorUserIds };
}

/** The one meeting loader of the use cases: the meeting, its invited units and minute-takers, in one query. */
export async function loadMeeting(id: string, handle: DbOrTx = db): Promise<LoadedMeeting | null> {
  if (!isUuid(id)) return null;
  const [row] = await handle
    .select({
      meeting: meetings,
      invited: jsonList(sql`(select json_agg(i.work_unit_id) from invitations i where i.meeting_id = ${meetings.id})`),
      minuteTakers: jsonList(sql`(select json_agg(s.user_id) from speakers s where s.meeting_id = ${meetings.id} and s.role = 'minute_taker' and s.user_id is not null)`),
      moderators: jsonList(sql`(select json_agg(s.user_id) from speakers s where s.meeting_id = ${meetings.id} and s.role = 'moderator' and s.user_id is not null)`),
    })
    .from(meetings)
    .where(eq(meetings.id, id));
  if (!row) return null;
  const resource = toResource(row.meeting, row.invited, row.minuteTakers, row.moderators);
  return { ...row.meeting, invitedUnitIds: row.invited, minuteTakerUserIds: row.minuteTakers, resource };
}

/** The meeting if the user may see it, else null (a meeting one may not see does not exist for them). */
export async function findVisibleMeeting(user: CurrentUser, id: string, handle: DbOrTx = db): Promise<LoadedMeeting | null> {
  const m = await loadMeeting(id, handle);
  return m && can(user, "meeting.view", m.resource) ? m : null;
}

/**
 * Loads the meeting and checks an action. A user who may not even see the meeting gets
 * NotFoundError (titles do not leak); one who sees it but may not act gets ForbiddenError.
 */
export type MeetingAction = Extract<Action, `meeting.${string}` | `minutes.${string}`> & Exclude<Action, "meeting.list" | "meeting.create">;

export async function requireMeeting(user: CurrentUser, id: string, action: MeetingAction = "meeting.view"): Promise<LoadedMeeting> {
  const m = await findVisibleMeeting(user, id);
  if (!m) throw new NotFoundError();
  if (action !== "meeting.view" && !can(user, action, m.resource)) throw new ForbiddenError();
  return m;
}

/** Cancelled and completed meetings keep their schedule, agenda, speakers and invitations as they were. */
export function assertEditable(m: Pick<Meeting, "status">) {
  if (!isEditableStatus(m.status)) throw new ValidationError({ _form: ["meetings.errors.notEditable"] }, "meetings.errors.notEditable");
}

/** Meeting columns of a raw row → typed fields. */
export const toDate = (v: unknown) => (v instanceof Date ? v : new Date(v as string));

/** A copy without some keys (e.g. the secret check-in code). */
export function omit<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Omit<T, K> {
  const out = { ...obj };
  for (const k of keys) delete out[k];
  return out;
}
