import { sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import type { Meeting, MeetingStatus } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can, type Action, type MeetingResource } from "@/lib/permissions";
import { isUuid } from "@/lib/ids";

export { uuidArray } from "@/lib/scopes";

export type LoadedMeeting = Meeting & { resource: MeetingResource };

type AccessRow = { invited_unit_ids: string[] | string; minute_taker_ids: string[] | string };
const asArray = (v: string[] | string | null): string[] => (v == null ? [] : typeof v === "string" ? (JSON.parse(v) as string[]) : v);

export function toResource(m: Pick<Meeting, "status" | "organizerUnitId">, invitedUnitIds: string[], minuteTakerUserIds: string[]): MeetingResource {
  return { status: m.status, organizerUnitId: m.organizerUnitId, invitedUnitIds, minuteTakerUserIds };
}

/** The meeting with what the policy needs (invited units, minute-takers): two queries. */
export async function loadMeeting(id: string, handle: DbOrTx = db): Promise<LoadedMeeting | null> {
  if (!isUuid(id)) return null;
  const m = await handle.query.meetings.findFirst({ where: (t, { eq }) => eq(t.id, id) });
  if (!m) return null;
  const [extra] = await rows<AccessRow>(
    sql`select
          (select coalesce(json_agg(work_unit_id), '[]'::json) from invitations where meeting_id = ${id}) as invited_unit_ids,
          (select coalesce(json_agg(user_id), '[]'::json) from speakers where meeting_id = ${id} and role = 'minute_taker' and user_id is not null) as minute_taker_ids`,
    handle,
  );
  return { ...m, resource: toResource(m, asArray(extra?.invited_unit_ids ?? []), asArray(extra?.minute_taker_ids ?? [])) };
}

/**
 * Loads the meeting and checks an action. A user who may not even see the meeting gets
 * NotFoundError (titles do not leak); one who sees it but may not act gets ForbiddenError.
 */
export type MeetingAction = Extract<Action, `meeting.${string}` | `minutes.${string}`> & Exclude<Action, "meeting.list" | "meeting.create">;

export async function requireMeeting(user: CurrentUser, id: string, action: MeetingAction = "meeting.view"): Promise<LoadedMeeting> {
  const m = await loadMeeting(id);
  if (!m || !can(user, "meeting.view", m.resource)) throw new NotFoundError();
  if (action !== "meeting.view" && !can(user, action, m.resource)) throw new ForbiddenError();
  return m;
}

const EDITABLE: MeetingStatus[] = ["draft", "scheduled", "ongoing"];
/** Cancelled and completed meetings keep their schedule, agenda, speakers and invitations as they were. */
export function assertEditable(m: Pick<Meeting, "status">) {
  if (!EDITABLE.includes(m.status)) throw new ValidationError({ _form: ["meetings.errors.notEditable"] }, "meetings.errors.notEditable");
}

/** Meeting columns of a raw row → typed fields. */
export const toDate = (v: unknown) => (v instanceof Date ? v : new Date(v as string));

/** A copy without some keys (e.g. the secret check-in code). */
export function omit<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Omit<T, K> {
  const out = { ...obj };
  for (const k of keys) delete out[k];
  return out;
}
