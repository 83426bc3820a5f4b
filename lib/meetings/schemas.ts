import { z } from "zod";
import {
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  SERIES_RULES,
  SPEAKER_ROLES,
  TIME_ZONES,
} from "@/db/schema/_enums";
import { emptyToNull, isoDate as isoDateOf, localMinutesBetween, requiredId, safeText, searchText, strictLocalDateTime, versionInput } from "@/lib/input";

/**
 * Zod schemas shared by the meeting forms (zodResolver, in the browser) and the use cases (server).
 * Messages are i18n keys. Client-safe: no server imports here.
 */

const HTML_TAG = /<\s*\/?\s*[a-zA-Z!?][^>]*>/;

/**
 * Plain text: trimmed, length-capped, no control characters (no line breaks unless multi-line),
 * markup refused with a field message (it is rendered escaped anyway).
 */
type TextKind = "line" | "multiline";
const text = (max: number, kind: TextKind) =>
  safeText(max, { multiline: kind === "multiline", tooLong: "meetings.errors.tooLong" }).refine((v) => !HTML_TAG.test(v), "meetings.errors.noHtml");
export const requiredText = (max: number, kind: TextKind = "line") => text(max, kind).refine((v) => v.length > 0, "errors.required");
export const optionalText = (max: number, kind: TextKind = "line") => z.preprocess((v) => (v == null ? "" : v), text(max, kind));
export const nullableText = (max: number, kind: TextKind = "line") => z.preprocess(emptyToNull, text(max, kind).nullable());

/** A checkbox from a form ("on"), a JSON boolean or a string. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** The wall-clock value of a datetime-local input: "2018-11-09T09:00" (a moment that exists, years 2000–2100). */
export const localDateTime = z.string("errors.required").trim().min(1, "errors.required").pipe(strictLocalDateTime("meetings.errors.invalidDateTime"));

const isoDate = isoDateOf("meetings.errors.invalidDate");

/**
 * The longest a meeting may last: 7 days (a multi-day rakor or a training week). Longer spans are
 * typing mistakes (a wrong year or month) that would block rooms and people with false conflicts.
 */
export const MAX_MEETING_DAYS = 7;
const MAX_MEETING_MINUTES = MAX_MEETING_DAYS * 24 * 60;

const uuidOrNull = (message: string) => z.preprocess(emptyToNull, z.uuid(message).nullable());

/** Run a cross-field check only when both fields parsed cleanly. */
const bothStrings = (a: string, b: string) => (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) => {
  const v = payload.value as Record<string, unknown> | null;
  if (payload.issues.some((i) => i.path?.[0] === a || i.path?.[0] === b)) return false;
  return typeof v?.[a] === "string" && typeof v?.[b] === "string";
};

/** End after start, and at most MAX_MEETING_DAYS later (both wall-clock values in the meeting's zone). */
function timeSpanChecks<T extends z.ZodType<{ startsAt: string; endsAt: string }>>(schema: T) {
  return schema
    .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: "meetings.errors.endBeforeStart", when: bothStrings("startsAt", "endsAt") })
    .refine((v) => !(v.endsAt > v.startsAt) || localMinutesBetween(v.startsAt, v.endsAt) <= MAX_MEETING_MINUTES, {
      path: ["endsAt"],
      message: "meetings.errors.meetingTooLong",
      when: bothStrings("startsAt", "endsAt"),
    });
}

export const MAX = {
  title: 200,
  topic: 500,
  description: 5000,
  location: 200,
  url: 500,
  reason: 1000,
  name: 200,
  summary: 50_000,
  decision: 5000,
} as const;

const meetingFields = z.object({
  title: requiredText(MAX.title),
  topic: optionalText(MAX.topic),
  description: optionalText(MAX.description, "multiline"),
  kind: z.enum(MEETING_KINDS, "errors.invalid"),
  startsAt: localDateTime,
  endsAt: localDateTime,
  timeZone: z.enum(TIME_ZONES, "errors.invalid"),
  location: optionalText(MAX.location),
  /** A room from the office's list; empty: the place is the free text in `location`. */
  roomId: uuidOrNull("offices.errors.unknownRoom"),
  onlineUrl: z.preprocess(
    emptyToNull,
    safeText(MAX.url, { tooLong: "meetings.errors.tooLong" }).pipe(z.url({ protocol: /^https?$/, message: "meetings.errors.invalidUrl" })).nullable(),
  ),
  organizerUnitId: requiredId("errors.unknownUnit"),
  chairUserId: uuidOrNull("meetings.errors.unknownUser"),
  acknowledgeConflicts: checkbox.optional(),
});

/** Create and edit a meeting; end after start, at most MAX_MEETING_DAYS (both in the meeting's zone). */
export const meetingSchema = timeSpanChecks(meetingFields);
export type MeetingInput = z.input<typeof meetingSchema>;
export type MeetingValues = z.output<typeof meetingSchema>;

export const rescheduleSchema = timeSpanChecks(
  z.object({
    startsAt: localDateTime,
    endsAt: localDateTime,
    reason: requiredText(MAX.reason, "multiline"),
    acknowledgeConflicts: checkbox.optional(),
  }),
);
export type RescheduleInput = z.input<typeof rescheduleSchema>;

export const cancelSchema = z.object({ reason: requiredText(MAX.reason, "multiline") });

export const TRANSITIONS = ["publish", "start", "complete"] as const;
export type TransitionName = (typeof TRANSITIONS)[number];
export const transitionSchema = z.object({ to: z.enum(TRANSITIONS, "errors.invalid") });

export const seriesSchema = z
  .object({
    rule: z.enum(SERIES_RULES, "errors.invalid"),
    count: z.preprocess(
      emptyToNull,
      z.coerce.number("errors.invalid").int("errors.invalid").min(2, "meetings.errors.seriesCount").max(60, "meetings.errors.seriesCount").nullable(),
    ),
    untilDate: z.preprocess(emptyToNull, isoDate.nullable()),
  })
  .refine((v) => v.count !== null || v.untilDate !== null, { path: ["count"], message: "meetings.errors.seriesBound" });
export type SeriesInput = z.input<typeof seriesSchema>;

/** The template's fields that propagate to future occurrences. */
export const seriesTemplateSchema = z.object({
  title: requiredText(MAX.title),
  topic: optionalText(MAX.topic),
  description: optionalText(MAX.description, "multiline"),
  kind: z.enum(MEETING_KINDS, "errors.invalid"),
  location: optionalText(MAX.location),
  onlineUrl: meetingFields.shape.onlineUrl,
  chairUserId: uuidOrNull("meetings.errors.unknownUser"),
});
export type SeriesTemplateInput = z.input<typeof seriesTemplateSchema>;

export const agendaItemSchema = z.object({
  title: requiredText(MAX.title),
  description: optionalText(2000, "multiline"),
  durationMinutes: z.coerce
    .number("errors.invalid")
    .int("errors.invalid")
    .min(1, "meetings.errors.durationRange")
    .max(1440, "meetings.errors.durationRange"),
  presenterSpeakerId: uuidOrNull("meetings.errors.unknownSpeaker"),
});
export type AgendaItemInput = z.input<typeof agendaItemSchema>;

export const moveSchema = z.object({ direction: z.enum(["up", "down"], "errors.invalid") });

export const speakerSchema = z
  .object({
    userId: uuidOrNull("meetings.errors.unknownUser"),
    name: nullableText(MAX.name),
    position: nullableText(MAX.name),
    organization: nullableText(MAX.name),
    role: z.enum(SPEAKER_ROLES, "errors.invalid"),
    onBehalfOf: nullableText(MAX.name),
    topic: nullableText(MAX.topic),
    sortOrder: z.preprocess(emptyToNull, z.coerce.number("errors.invalid").int("errors.invalid").min(0).max(999).nullable()),
    acknowledgeConflicts: checkbox.optional(),
  })
  .refine((v) => v.userId !== null || (v.name !== null && v.name.length > 0), {
    path: ["name"],
    message: "meetings.errors.speakerWho",
    when: (p) => {
      const v = p.value as Record<string, unknown> | null;
      return v !== null && typeof v === "object";
    },
  });
export type SpeakerInput = z.input<typeof speakerSchema>;

const uuidList = z.preprocess(
  (v) => (v == null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid("errors.unknownUnit")).max(500, "errors.invalid"),
);

export const inviteSchema = z.object({
  unitIds: uuidList.refine((v) => v.length > 0, "meetings.errors.pickUnit"),
  includeSubUnits: checkbox.optional(),
  acknowledgeConflicts: checkbox.optional(),
});
export type InviteInput = z.input<typeof inviteSchema>;

const delegateSchema = z.object({ name: requiredText(MAX.name), position: optionalText(MAX.name) });

export const rsvpSchema = z.discriminatedUnion(
  "response",
  [
    z.object({
      response: z.literal("attending"),
      delegates: z.array(delegateSchema).min(1, "meetings.errors.delegatesRequired").max(20, "errors.invalid"),
    }),
    z.object({ response: z.literal("represented"), representedBy: requiredText(MAX.name) }),
    z.object({ response: z.literal("declined"), reason: requiredText(MAX.reason, "multiline") }),
  ],
  "errors.invalid",
);
export type RsvpInput = z.input<typeof rsvpSchema>;

export const attendanceSchema = z
  .object({
    userId: uuidOrNull("meetings.errors.unknownUser"),
    guestName: nullableText(MAX.name),
    guestPosition: nullableText(MAX.name),
    guestOrganization: nullableText(MAX.name),
    workUnitId: uuidOrNull("errors.unknownUnit"),
    status: z.enum(ATTENDANCE_STATUSES, "errors.invalid"),
    representedBy: nullableText(MAX.name),
  })
  .superRefine((v, ctx) => {
    if (v.userId === null && !v.guestName) ctx.addIssue({ code: "custom", path: ["guestName"], message: "meetings.errors.attendeeWho" });
    if (v.status === "represented" && !v.representedBy) ctx.addIssue({ code: "custom", path: ["representedBy"], message: "errors.required" });
  });
export type AttendanceInput = z.input<typeof attendanceSchema>;

export const minutesSchema = z.object({ summary: optionalText(MAX.summary, "multiline") });
export const decisionSchema = z.object({
  text: requiredText(MAX.decision, "multiline"),
  /** The agenda item the decision was taken under (issue 23); empty: the meeting as a whole. */
  agendaItemId: z.preprocess((v) => (v === "" || v == null ? null : v), z.uuid("errors.invalid").nullable()).optional(),
});
export const reopenSchema = z.object({ reason: requiredText(MAX.reason, "multiline") });

export const versionSchema = versionInput;

export const PAGE_SIZE_MAX = 100;
export const listFiltersSchema = z.object({
  from: z.preprocess(emptyToNull, isoDate.nullable()).catch(null),
  to: z.preprocess(emptyToNull, isoDate.nullable()).catch(null),
  status: z.preprocess(emptyToNull, z.enum(MEETING_STATUSES).nullable()).catch(null),
  organizerUnitId: z.preprocess(emptyToNull, z.uuid().nullable()).catch(null),
  invitedUnitId: z.preprocess(emptyToNull, z.uuid().nullable()).catch(null),
  q: z.preprocess(emptyToNull, searchText(200).nullable()).transform((v) => v || null).catch(null),
  /** Keyset cursor of the page (lib/pagination.ts); absent: the first page. */
  cursor: z.preprocess(emptyToNull, z.string().max(1000).nullable()).catch(null),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).catch(20),
});
export type ListFilters = Partial<z.input<typeof listFiltersSchema>>;
