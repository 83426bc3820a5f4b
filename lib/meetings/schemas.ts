import { z } from "zod";
import {
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  SERIES_RULES,
  SPEAKER_ROLES,
  TIME_ZONES,
} from "@/db/schema/_enums";

/**
 * Zod schemas shared by the meeting forms (zodResolver, in the browser) and the use cases (server).
 * Messages are i18n keys. Client-safe: no server imports here.
 */

const emptyToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);
const HTML_TAG = /<\s*\/?\s*[a-zA-Z!?][^>]*>/;

/** Plain text: trimmed, length-capped, markup refused with a field message (it is rendered escaped anyway). */
const text = (max: number) =>
  z
    .string("errors.invalid")
    .trim()
    .max(max, "meetings.errors.tooLong")
    .refine((v) => !HTML_TAG.test(v), "meetings.errors.noHtml");
export const requiredText = (max: number) => text(max).refine((v) => v.length > 0, "errors.required");
export const optionalText = (max: number) => z.preprocess((v) => (v == null ? "" : v), text(max));
export const nullableText = (max: number) => z.preprocess(emptyToNull, text(max).nullable());

/** A checkbox from a form ("on"), a JSON boolean or a string. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** The wall-clock value of a datetime-local input: "2018-11-09T09:00". */
export const localDateTime = z
  .string("errors.required")
  .trim()
  .min(1, "errors.required")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "meetings.errors.invalidDateTime")
  .transform((v) => v.slice(0, 16));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "meetings.errors.invalidDate");

const uuidOrNull = (message: string) => z.preprocess(emptyToNull, z.uuid(message).nullable());

const bothStrings = (a: string, b: string) => (payload: { value: unknown }) => {
  const v = payload.value as Record<string, unknown> | null;
  return typeof v?.[a] === "string" && typeof v?.[b] === "string";
};

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
  description: optionalText(MAX.description),
  kind: z.enum(MEETING_KINDS, "errors.invalid"),
  startsAt: localDateTime,
  endsAt: localDateTime,
  timeZone: z.enum(TIME_ZONES, "errors.invalid"),
  location: optionalText(MAX.location),
  /** A room from the office's list; empty: the place is the free text in `location`. */
  roomId: uuidOrNull("offices.errors.unknownRoom"),
  onlineUrl: z.preprocess(
    emptyToNull,
    z.string().trim().max(MAX.url, "meetings.errors.tooLong").pipe(z.url({ protocol: /^https?$/, message: "meetings.errors.invalidUrl" })).nullable(),
  ),
  organizerUnitId: z.uuid("errors.unknownUnit"),
  chairUserId: uuidOrNull("meetings.errors.unknownUser"),
  acknowledgeConflicts: checkbox.optional(),
});

/** Create and edit a meeting; end after start (both in the meeting's zone). */
export const meetingSchema = meetingFields.refine((v) => v.endsAt > v.startsAt, {
  path: ["endsAt"],
  message: "meetings.errors.endBeforeStart",
  when: bothStrings("startsAt", "endsAt"),
});
export type MeetingInput = z.input<typeof meetingSchema>;
export type MeetingValues = z.output<typeof meetingSchema>;

export const rescheduleSchema = z
  .object({
    startsAt: localDateTime,
    endsAt: localDateTime,
    reason: requiredText(MAX.reason),
    acknowledgeConflicts: checkbox.optional(),
  })
  .refine((v) => v.endsAt > v.startsAt, {
    path: ["endsAt"],
    message: "meetings.errors.endBeforeStart",
    when: bothStrings("startsAt", "endsAt"),
  });
export type RescheduleInput = z.input<typeof rescheduleSchema>;

export const cancelSchema = z.object({ reason: requiredText(MAX.reason) });

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
  description: optionalText(MAX.description),
  kind: z.enum(MEETING_KINDS, "errors.invalid"),
  location: optionalText(MAX.location),
  onlineUrl: meetingFields.shape.onlineUrl,
  chairUserId: uuidOrNull("meetings.errors.unknownUser"),
});
export type SeriesTemplateInput = z.input<typeof seriesTemplateSchema>;

export const agendaItemSchema = z.object({
  title: requiredText(MAX.title),
  description: optionalText(2000),
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
    z.object({ response: z.literal("declined"), reason: requiredText(MAX.reason) }),
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

export const minutesSchema = z.object({ summary: optionalText(MAX.summary) });
export const decisionSchema = z.object({ text: requiredText(MAX.decision) });
export const reopenSchema = z.object({ reason: requiredText(MAX.reason) });

export const versionSchema = z.coerce.number().int().min(1);

export const PAGE_SIZE_MAX = 100;
export const listFiltersSchema = z.object({
  from: z.preprocess(emptyToNull, isoDate.nullable()).catch(null),
  to: z.preprocess(emptyToNull, isoDate.nullable()).catch(null),
  status: z.preprocess(emptyToNull, z.enum(MEETING_STATUSES).nullable()).catch(null),
  organizerUnitId: z.preprocess(emptyToNull, z.uuid().nullable()).catch(null),
  invitedUnitId: z.preprocess(emptyToNull, z.uuid().nullable()).catch(null),
  q: z.preprocess(emptyToNull, z.string().trim().max(200).nullable()).catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).catch(20),
});
export type ListFilters = Partial<z.input<typeof listFiltersSchema>>;
