import { z } from "zod";
import { ACTION_ITEM_STATUSES, ATTENDANCE_STATUSES, LETTER_KINDS, LETTER_NATURES, MEETING_KINDS, MEETING_STATUSES, ON_BEHALF_KINDS, PRIORITIES, SPEAKER_ROLES, TIME_ZONES } from "@/db/schema/_enums";
import { EVENT_KINDS } from "@/db/schema/integrations";
import { FOLLOW_UP_MAX } from "@/lib/follow-ups/schemas";
import { MAX_YEAR, MIN_YEAR, safeText, strictDate, strictInstant, versionNumber } from "@/lib/input";
import { MAX } from "@/lib/meetings/schemas";
import { DATE_PATTERN, INSTANT_PATTERN } from "./formats";
import { listQuery } from "./operations-base";

/**
 * The API's own shapes (instants as ISO 8601 with offset, camelCase), validated by the handlers
 * and turned into the OpenAPI document. The handlers then call the same use cases as the UI,
 * whose schemas validate again.
 */
/*
 * Dates and instants say their format in the document (format: date / date-time) and the rules
 * JSON Schema can say as a pattern: the years the server takes (MIN_YEAR–MAX_YEAR), an offset
 * on every instant (Z or ±hh:mm up to ±14:00: the server never guesses a zone). That the day
 * exists (no 30 February) is what format: date / date-time already mean.
 */
const instant = strictInstant("An ISO 8601 date-time with offset that exists, e.g. 2018-11-09T09:00:00+07:00").meta({
  format: "date-time",
  pattern: INSTANT_PATTERN,
  description: `An instant with its offset (RFC 3339), e.g. 2026-11-09T09:00:00+07:00 or 2026-11-09T02:00:00Z, years ${MIN_YEAR + 1}–${MAX_YEAR - 1} (the server takes ${MIN_YEAR}–${MAX_YEAR} as long as the day, in the meeting's zone too, stays in them). Without an offset it is refused.`,
  examples: ["2026-11-09T09:00:00+07:00"],
});
const isoDate = strictDate("A date that exists, as YYYY-MM-DD").meta({
  format: "date",
  pattern: DATE_PATTERN,
  description: `A calendar day YYYY-MM-DD that exists, years ${MIN_YEAR}–${MAX_YEAR}.`,
  examples: ["2026-11-09"],
});
/*
 * Text rules, written as patterns so the document shows every rule that refuses input: no control
 * characters (single-line text: no line breaks either), no HTML tags in meeting texts, and required
 * text must not be blank.
 */
const NO_CONTROL_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;
const NO_CONTROL_MULTI = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const NO_HTML = /^(?![\s\S]*<\s*\/?\s*[a-zA-Z!?][^>]*>)/;
const NOT_BLANK = /\S/;
type TextOpts = { html?: boolean; required?: boolean };
const textOf = (max: number, multiline: boolean, opts: TextOpts) => {
  let t = safeText(max, { multiline }).regex(multiline ? NO_CONTROL_MULTI : NO_CONTROL_LINE, "errors.controlChars");
  if (!opts.html) t = t.regex(NO_HTML, "meetings.errors.noHtml");
  if (opts.required) t = t.regex(NOT_BLANK, "errors.required");
  return t;
};
/** Single-line text (titles, names, places): no control characters, no line breaks, no HTML. */
const str = (max: number, opts: TextOpts = {}) => textOf(max, false, opts);
/** Multi-line text (descriptions, notes, minutes): no control characters, no HTML. */
const para = (max: number, opts: TextOpts = {}) => textOf(max, true, opts);
const req = { required: true } as const;
/** An http(s) link. */
const link = (max: number) => str(max).regex(/^https?:\/\/\S+$/i, "meetings.errors.invalidUrl");
const version = versionNumber("A version is a whole number from 1 to 2147483647.").describe(
  "The version you edited (from the record or its ETag). Send it here or as If-Match: a write of an existing record needs one of the two (428 without).",
);
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const updatedSince = instant
  .optional()
  .describe(
    "Only records changed at or after this instant (inclusive), listed in the sync order (updatedAt, id) ascending instead of the list's own; the page's cursors keep that order. A record changed while you walk the pages moves past your cursor and is seen again later: every record changed after updatedSince is seen at least once, none is skipped. Start the next sync from the largest updatedAt you saw.",
  );

export const meetingsQuery = listQuery.extend({
  from: isoDate.optional().describe("Meetings starting on or after this day (00:00 in `timeZone`)."),
  to: isoDate.optional().describe("Meetings starting on or before this day (until 24:00 in `timeZone`)."),
  timeZone: z.enum(TIME_ZONES).optional().describe("The zone of `from` and `to`; without it, the token owner's zone (GET /me → timeZone)."),
  updatedSince,
  status: z.enum(MEETING_STATUSES).optional(),
  unitId: z.uuid().optional(),
  q: str(200, { html: true }).optional(),
});

const meetingFields = {
  title: str(MAX.title, req),
  topic: str(MAX.topic).optional(),
  description: para(MAX.description).optional(),
  kind: z.enum(MEETING_KINDS).default("rakor"),
  startsAt: instant,
  endsAt: instant.describe("After startsAt, and at most 7 days later."),
  timeZone: z.enum(TIME_ZONES),
  location: str(MAX.location).optional(),
  roomId: z.uuid().nullable().optional(),
  onlineUrl: link(MAX.url).nullable().optional(),
  organizerUnitId: z.uuid(),
  chairUserId: z.uuid().nullable().optional(),
  acknowledgeConflicts: z.boolean().optional().describe("Go ahead although the room, the chair or an invited unit is booked elsewhere at that time (a 422 lists the `conflicts`)."),
};

export const meetingCreateBody = z.strictObject(meetingFields);
const { kind: _kind, ...patchable } = meetingFields;
void _kind;
/** Only the fields sent change. */
export const meetingPatchBody = z
  .strictObject({ ...patchable, kind: z.enum(MEETING_KINDS).optional(), version: version.optional() })
  .partial();

export const meetingTransitionBody = z.strictObject({
  to: z.enum(["scheduled", "ongoing", "completed", "cancelled"]),
  reason: para(MAX.reason, req).optional().describe("Required to cancel."),
  version: version.optional(),
});

export const agendaItemBody = z.strictObject({
  title: str(MAX.title, req),
  description: para(2000).optional(),
  durationMinutes: z.number().int().min(1).max(1440),
  presenterSpeakerId: z.uuid().nullable().optional(),
  position: z.number().int().min(1).max(1000).optional(),
});
export const agendaItemPatchBody = z.strictObject({
  title: str(MAX.title, req).optional(),
  description: para(2000).optional(),
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  presenterSpeakerId: z.uuid().nullable().optional(),
  position: z.number().int().min(1).max(1000).optional(),
  version: version.optional(),
});

/** An internal speaker (`userId`) or an external one (`name` required without userId). */
export const speakerBody = z.strictObject({
  userId: z.uuid().nullable().optional(),
  name: str(MAX.name).nullable().optional().describe("An external speaker's name; required without userId."),
  position: str(MAX.name).nullable().optional(),
  organization: str(MAX.name).nullable().optional(),
  role: z.enum(SPEAKER_ROLES),
  onBehalfOf: str(MAX.name).nullable().optional(),
  topic: str(MAX.topic).nullable().optional(),
  order: z.number().int().min(0).max(999).optional(),
  acknowledgeConflicts: z.boolean().optional(),
});

/** Only the fields sent change; `userId` or `name` as when adding. */
export const speakerPatchBody = z.strictObject({ ...speakerBody.shape, role: z.enum(SPEAKER_ROLES).optional(), version: version.optional() });

export const invitationBody = z.strictObject({
  workUnitId: z.uuid(),
  includeSubUnits: z.boolean().optional(),
  acknowledgeConflicts: z.boolean().optional(),
});

/** The answer for the user's unit: attending names delegates, represented names who, declined gives a reason. */
export const rsvpBody = z.discriminatedUnion("response", [
  z.strictObject({
    response: z.literal("attending"),
    delegates: z.array(z.strictObject({ name: str(MAX.name, req), position: str(MAX.name).optional() })).min(1).max(20),
    version: version.optional(),
  }),
  z.strictObject({ response: z.literal("represented"), representedBy: str(MAX.name, req), version: version.optional() }),
  z.strictObject({ response: z.literal("declined"), reason: para(MAX.reason, req), version: version.optional() }),
]);

/** A person (`userId`) or a guest (`name`); `represented` needs `representedBy`. */
export const attendanceBody = z.strictObject({
  userId: z.uuid().nullable().optional(),
  name: str(MAX.name, req).optional().describe("A guest's name; required without userId."),
  position: str(MAX.name).optional(),
  organization: str(MAX.name).optional(),
  workUnitId: z.uuid().nullable().optional(),
  status: z.enum(ATTENDANCE_STATUSES),
  representedBy: str(MAX.name, req).nullable().optional().describe("Required when status is represented."),
  version: z
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .optional()
    .describe("A staff member's record is versioned: the version you edited (or If-Match), 0 when they have none yet. Without it a second record for the same person is refused with 428."),
});

export const minutesBody = z.strictObject({
  summary: para(MAX.summary),
  version: z.number().int().min(0).max(2_147_483_647).optional().describe("0 when no minutes exist yet."),
});
export const decisionBody = z.strictObject({ text: para(MAX.decision, req) });
export const decisionPatchBody = z.strictObject({ text: para(MAX.decision, req), version: version.optional() });

export const actionItemsQuery = listQuery.extend({
  unitId: z.uuid().optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  categoryId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  picUserId: z.uuid().optional(),
  overdue: flag.optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  updatedSince,
});

export const actionItemCreateBody = z.strictObject({
  meetingId: z.uuid().nullable().optional(),
  decisionId: z.uuid().nullable().optional(),
  title: str(FOLLOW_UP_MAX.title, { html: true, required: true }),
  description: para(FOLLOW_UP_MAX.text, { html: true }).optional(),
  categoryId: z.uuid(),
  workUnitId: z.uuid(),
  picUserId: z.uuid().nullable().optional(),
  dueDate: isoDate,
  priority: z.enum(PRIORITIES).optional(),
});

/** The plan of a follow-up; progress and status go through /updates. */
export const actionItemPatchBody = z.strictObject({
  title: str(FOLLOW_UP_MAX.title, { html: true, required: true }).optional(),
  description: para(FOLLOW_UP_MAX.text, { html: true }).optional(),
  categoryId: z.uuid().optional(),
  picUserId: z.uuid().nullable().optional(),
  dueDate: isoDate.optional().describe("Not in the past (the owner unit's today)."),
  priority: z.enum(PRIORITIES).optional(),
  version: version.optional(),
});

export const actionItemUpdateBody = z.strictObject({
  to: z.enum(["in_progress", "reported", "verified", "returned", "cancelled"]).optional(),
  progress: z.number().int().min(0).max(100).optional(),
  note: para(FOLLOW_UP_MAX.text, { html: true }).describe("Required (not blank) for a progress report without `to`."),
  evidenceUrl: link(FOLLOW_UP_MAX.url).nullable().optional().describe("Required to report (`to: reported`) unless a file was uploaded in the app."),
  version: version.optional(),
});
/** Unknown parameters are refused (a filter the list does not have would silently be ignored). */
export const tokensQuery = z.strictObject(listQuery.shape);

export const eventsQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,18}\.\d{1,18}$/, "errors.badCursor")
    .optional()
    .describe("A page's nextCursor (or an event's id): read the events after it. Without it, from the start of the feed."),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Events per page."),
  kinds: z
    .string()
    .max(1000)
    .regex(new RegExp(`^(${EVENT_KINDS.map((k) => k.replace(".", "\\.")).join("|")})(,(${EVENT_KINDS.map((k) => k.replace(".", "\\.")).join("|")}))*$`), "errors.invalid")
    .optional()
    .describe(`Only these kinds, comma-separated: ${EVENT_KINDS.join(", ")}.`),
  meetingId: z.uuid().optional().describe("Only one meeting's events."),
});

export const webhookBody = z.strictObject({
  url: link(FOLLOW_UP_MAX.url).describe(
    "Where to POST the events: http(s), no credentials. A host that resolves to a private, loopback or link-local address is refused (422) unless the server allows it (WEBHOOKS_ALLOW_PRIVATE).",
  ),
  kinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).optional().describe("The kinds to send; none or empty: every kind."),
});
export const noQuery = z.strictObject({});

export const peopleQuery = z.strictObject({
  ...listQuery.shape,
  nip: z
    .string()
    .regex(/^[0-9]{18}$/, "errors.invalid")
    .optional()
    .describe("Exactly this NIP (18 digits)."),
  email: z.email().max(320).optional().describe("Exactly this e-mail address (case-insensitive). It is a filter only: e-mail addresses are never returned."),
  q: str(MAX.name).optional().describe("Part of the name or position."),
  workUnitId: z.uuid().optional().describe("Only this unit's people."),
  updatedSince,
});

export const MEETING_INCLUDES = ["agenda", "speakers", "invitations", "attendances", "minutes"] as const;
export type MeetingInclude = (typeof MEETING_INCLUDES)[number];
const includePart = `(${MEETING_INCLUDES.join("|")})`;
export const meetingQuery = z.strictObject({
  include: z
    .string()
    .regex(new RegExp(`^${includePart}(,${includePart})*$`), "errors.invalid")
    .optional()
    .describe(`Parts to return with the meeting, comma-separated: ${MEETING_INCLUDES.join(", ")} (e.g. include=agenda,speakers). One call instead of one per part.`)
    .transform((v) => (v ? ([...new Set(v.split(","))] as MeetingInclude[]) : [])),
});

/** Finalize minutes (the notulen is rendered and stored once) or reopen them (with a reason). */
export const minutesTransitionBody = z.strictObject({
  to: z.enum(["finalized", "open"]).describe("`finalized`: lock the summary and decisions and store the notulen; `open`: reopen finalized minutes (the stored notulen stays in the history)."),
  reason: para(MAX.reason, req).optional().describe("Required to reopen; kept in the audit log."),
  version: z.number().int().min(0).max(2_147_483_647).optional().describe("The minutes' version (from GET …/minutes); or send If-Match."),
});

const nipPattern = z.string().regex(/^[0-9]{18}$/, "errors.invalidNip");
/**
 * Issuing a letter of a meeting (issue 19). Without `number` the office's sequence gives the next
 * one; with it, that number is used, and a number the office gave this year already is a 409.
 */
export const letterBody = z.strictObject({
  kind: z
    .enum(LETTER_KINDS)
    .default("invitation")
    .describe("`invitation` (undangan: once, after publishing; letterDate not after the meeting day), `reschedule` (surat perubahan jadwal, after the meeting was moved), `cancellation` (pemberitahuan pembatalan, after it was cancelled)."),
  number: str(100, req).optional().describe("A number typed by hand; without it the office's sequence gives the next one. A number the office already gave this year is a 409."),
  letterDate: isoDate,
  placeName: str(100, req).describe("The place line above the date (Surabaya)."),
  nature: z.enum(LETTER_NATURES).default("biasa").describe("Sifat."),
  subject: str(300).optional().describe("Hal; without it: the kind and the meeting's title."),
  addressees: z.array(str(200, req)).max(8).optional().describe("Yth.: up to 8 named addressees; none: \"Daftar terlampir\" (the invited units, in the lampiran)."),
  copies: z.array(str(200, req)).max(10).nullable().optional().describe("Tembusan; null or left out: the office's default list."),
  signerName: str(200, req),
  signerPosition: str(200, req),
  signerNip: nipPattern.nullable().optional().describe("18 digits."),
  onBehalfKind: z.enum(ON_BEHALF_KINDS).nullable().optional().describe("a.n. (an), u.b. (ub), Plt. (plt), Plh. (plh): the line above the signer's position."),
  onBehalfOf: str(200).nullable().optional().describe("Whom the signer signs for (required with onBehalfKind), e.g. Kepala Kantor Wilayah."),
});

export const lettersQuery = z.strictObject({
  ...listQuery.shape,
  officeId: z.uuid().optional().describe("The office whose register to read; without it, the caller's own office. Admins may read any office's."),
  year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional().describe("The register's year (of the letter date); without it, every year."),
  meetingId: z.uuid().optional().describe("Only one meeting's letters."),
});
