import { z } from "zod";
import { ACTION_ITEM_STATUSES, ATTENDANCE_STATUSES, MEETING_KINDS, MEETING_STATUSES, PRIORITIES, SPEAKER_ROLES, TIME_ZONES } from "@/db/schema/_enums";
import { safeText, strictDate, strictInstant, versionNumber } from "@/lib/input";
import { listQuery } from "./operations-base";

/**
 * The API's own shapes (instants as ISO 8601 with offset, camelCase), validated by the handlers
 * and turned into the OpenAPI document. The handlers then call the same use cases as the UI,
 * whose schemas validate again.
 */
const instant = strictInstant("An ISO 8601 date-time with offset that exists, e.g. 2018-11-09T09:00:00+07:00");
const isoDate = strictDate("A date that exists, as YYYY-MM-DD");
/** Single-line text (titles, names, places): no control characters, no line breaks. */
const str = (max: number) => safeText(max);
/** Multi-line text (descriptions, notes, minutes): no control characters. */
const para = (max: number) => safeText(max, { multiline: true });
const version = versionNumber("A version is a whole number from 1 to 2147483647.");
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const meetingsQuery = listQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  unitId: z.uuid().optional(),
  q: str(200).optional(),
});

const meetingFields = {
  title: str(200),
  topic: str(500).optional(),
  description: para(5000).optional(),
  kind: z.enum(MEETING_KINDS).default("rakor"),
  startsAt: instant,
  endsAt: instant,
  timeZone: z.enum(TIME_ZONES),
  location: str(200).optional(),
  roomId: z.uuid().nullable().optional(),
  onlineUrl: str(500).nullable().optional(),
  organizerUnitId: z.uuid(),
  chairUserId: z.uuid().nullable().optional(),
  acknowledgeConflicts: z.boolean().optional(),
};

export const meetingCreateBody = z.strictObject(meetingFields);
export const meetingPatchBody = z.strictObject({
  ...Object.fromEntries(Object.entries(meetingFields).map(([k, v]) => [k, (v as z.ZodType).optional()])),
  version: version.optional(),
}) as z.ZodType<Partial<z.input<typeof meetingCreateBody>> & { version?: number }>;

export const meetingTransitionBody = z.strictObject({
  to: z.enum(["scheduled", "ongoing", "completed", "cancelled"]),
  reason: para(1000).optional(),
  version: version.optional(),
});

export const agendaItemBody = z.strictObject({
  title: str(200),
  description: para(2000).optional(),
  durationMinutes: z.number().int().min(1).max(1440),
  presenterSpeakerId: z.uuid().nullable().optional(),
  position: z.number().int().min(1).max(1000).optional(),
});
export const agendaItemPatchBody = z.strictObject({
  title: str(200).optional(),
  description: para(2000).optional(),
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  presenterSpeakerId: z.uuid().nullable().optional(),
  position: z.number().int().min(1).max(1000).optional(),
  version: version.optional(),
});

export const speakerBody = z.strictObject({
  userId: z.uuid().nullable().optional(),
  name: str(200).nullable().optional(),
  position: str(200).nullable().optional(),
  organization: str(200).nullable().optional(),
  role: z.enum(SPEAKER_ROLES),
  onBehalfOf: str(200).nullable().optional(),
  topic: str(500).nullable().optional(),
  order: z.number().int().min(0).max(999).optional(),
  acknowledgeConflicts: z.boolean().optional(),
});

export const invitationBody = z.strictObject({
  workUnitId: z.uuid(),
  includeSubUnits: z.boolean().optional(),
  acknowledgeConflicts: z.boolean().optional(),
});

export const rsvpBody = z.strictObject({
  response: z.enum(["attending", "represented", "declined"]),
  delegates: z.array(z.strictObject({ name: str(200), position: str(200).optional() })).max(20).optional(),
  representedBy: str(200).optional(),
  reason: para(1000).optional(),
  version: version.optional(),
});

export const attendanceBody = z.strictObject({
  userId: z.uuid().nullable().optional(),
  name: str(200).optional(),
  position: str(200).optional(),
  organization: str(200).optional(),
  workUnitId: z.uuid().nullable().optional(),
  status: z.enum(ATTENDANCE_STATUSES),
  representedBy: str(200).nullable().optional(),
});

export const minutesBody = z.strictObject({ summary: para(50_000), version: z.number().int().min(0).max(2_147_483_647).optional() });
export const decisionBody = z.strictObject({ text: para(5000) });

export const actionItemsQuery = listQuery.extend({
  unitId: z.uuid().optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  categoryId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  picUserId: z.uuid().optional(),
  overdue: flag.optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
});

export const actionItemCreateBody = z.strictObject({
  meetingId: z.uuid().nullable().optional(),
  decisionId: z.uuid().nullable().optional(),
  title: str(300),
  description: para(5000).optional(),
  categoryId: z.uuid(),
  workUnitId: z.uuid(),
  picUserId: z.uuid().nullable().optional(),
  dueDate: isoDate,
  priority: z.enum(PRIORITIES).optional(),
});

export const actionItemPatchBody = z.strictObject({
  progress: z.number().int().min(0).max(100),
  note: para(5000),
  evidenceUrl: str(2000).nullable().optional(),
  version: version.optional(),
});

export const actionItemUpdateBody = z.strictObject({
  to: z.enum(["in_progress", "reported", "verified", "returned", "cancelled"]).optional(),
  progress: z.number().int().min(0).max(100).optional(),
  note: para(5000),
  evidenceUrl: str(2000).nullable().optional(),
  version: version.optional(),
});
