import { z } from "zod";
import {
  ACTION_ITEM_STATUSES,
  AGENDA_ITEM_KINDS,
  ATTENDANCE_STATUSES,
  CHECK_IN_METHODS,
  LETTER_KINDS,
  LETTER_NATURES,
  MEETING_KINDS,
  MEETING_STATUSES,
  ON_BEHALF_KINDS,
  PRIORITIES,
  ROLES,
  RSVP_RESPONSES,
  SPEAKER_ROLES,
  TIME_ZONES,
  UPDATE_KINDS,
  WORK_UNIT_KINDS,
} from "@/db/schema/_enums";
import { EVENT_KINDS, WEBHOOK_DELIVERY_STATUSES } from "@/db/schema/integrations";

/**
 * The API's output shapes: one zod schema per resource. The serializers in lib/api/*.ts are typed
 * with them (so list, get, create, update and a 409's `current` carry the same fields), and the
 * OpenAPI document's response bodies are generated from them (components/schemas, by `id`).
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const instant = z.iso.datetime({ offset: true });
const date = z.iso.date();
const uuid = z.uuid();
const updatedAt = instant.describe(
  "When the record last changed (kept by the database on every write, never moving backwards). Lists take it as ?updatedSince= and then sort by (updatedAt, id).",
);
const version = z.int().min(1).max(2_147_483_647).describe("The record's version; send it back as If-Match (or `version`) when writing.");

function reg<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  apiSchemas.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

export const Me = reg(
  z.strictObject({
    id: uuid,
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    position: z.string(),
    workUnitId: uuid,
    workUnitName: z.string(),
    timeZone: z.enum(TIME_ZONES),
  }),
  "Me",
);

export const Token = reg(
  z.strictObject({ id: uuid, name: z.string(), expiresAt: instant.nullable(), lastUsedAt: instant.nullable(), createdAt: instant }),
  "Token",
  "An API token, never its secret.",
);
export const CreatedToken = reg(
  z.strictObject({ id: uuid, name: z.string(), expiresAt: instant.nullable(), lastUsedAt: instant.nullable(), createdAt: instant, token: z.string().describe("The secret, shown once.") }),
  "CreatedToken",
);

export const WorkUnit = reg(
  z.strictObject({ id: uuid, parentId: uuid.nullable(), code: z.string(), name: z.string(), kind: z.enum(WORK_UNIT_KINDS), timeZone: z.enum(TIME_ZONES), active: z.boolean(), updatedAt }),
  "WorkUnit",
);
export const Category = reg(z.strictObject({ id: uuid, code: z.string(), nameId: z.string(), nameEn: z.string(), sortOrder: z.int(), updatedAt }), "Category");

export const Room = reg(z.strictObject({ name: z.string(), building: z.string(), capacity: z.int().nullable() }), "Room", "A room from the office's list.");

export const Meeting = reg(
  z.strictObject({
    id: uuid,
    title: z.string(),
    topic: z.string(),
    description: z.string(),
    kind: z.enum(MEETING_KINDS),
    startsAt: instant,
    endsAt: instant,
    timeZone: z.enum(TIME_ZONES),
    location: z.string(),
    roomId: uuid.nullable(),
    room: Room.nullable(),
    onlineUrl: z.string().nullable(),
    organizerUnitId: uuid,
    organizerUnitName: z.string(),
    chairUserId: uuid.nullable(),
    status: z.enum(MEETING_STATUSES),
    cancelReason: z.string().nullable(),
    seriesId: uuid.nullable(),
    seriesIndex: z.int().nullable(),
    version,
    updatedAt,
  }),
  "Meeting",
);

export const AgendaItem = reg(
  z.strictObject({
    id: uuid,
    meetingId: uuid,
    position: z.int(),
    title: z.string(),
    description: z.string(),
    durationMinutes: z.int(),
    presenterSpeakerId: uuid.nullable(),
    kind: z.enum(AGENDA_ITEM_KINDS),
    startsAt: instant.describe("Computed from the meeting's start and the durations before it."),
    endsAt: instant,
    version,
    updatedAt,
  }),
  "AgendaItem",
);

export const Speaker = reg(
  z.strictObject({
    id: uuid,
    meetingId: uuid,
    userId: uuid.nullable(),
    name: z.string(),
    position: z.string().nullable(),
    organization: z.string().nullable(),
    role: z.enum(SPEAKER_ROLES),
    onBehalfOf: z.string().nullable(),
    topic: z.string().nullable(),
    order: z.int(),
    version,
    updatedAt,
  }),
  "Speaker",
);

export const Invitation = reg(
  z.strictObject({
    id: uuid,
    meetingId: uuid,
    workUnitId: uuid,
    workUnitName: z.string(),
    response: z.enum(RSVP_RESPONSES).describe("`pending` until the unit answers. A reschedule keeps the answer and sets `reconfirm`."),
    delegates: z.array(z.strictObject({ name: z.string(), position: z.string().optional() })),
    representedBy: z.string().nullable(),
    reason: z.string().nullable(),
    respondedAt: instant.nullable(),
    reconfirm: z
      .strictObject({ previousStartsAt: instant, previousEndsAt: instant })
      .nullable()
      .describe("Set when the meeting was moved after the unit answered: the answer was given for this earlier time and waits to be confirmed (answering again, the same or another answer, clears it). null otherwise."),
    version,
    updatedAt,
  }),
  "Invitation",
);

export const Attendance = reg(
  z.strictObject({
    id: uuid,
    meetingId: uuid,
    userId: uuid.nullable(),
    name: z.string(),
    position: z.string().nullable(),
    organization: z.string().nullable(),
    workUnitId: uuid.nullable(),
    status: z.enum(ATTENDANCE_STATUSES),
    representedBy: z.string().nullable(),
    checkedInAt: instant.nullable(),
    method: z.enum(CHECK_IN_METHODS),
    version,
    updatedAt,
  }),
  "Attendance",
);

const statusCounts = z.strictObject(Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, z.int()])) as Record<(typeof ATTENDANCE_STATUSES)[number], z.ZodInt>);
export const AttendanceSummary = reg(
  z.strictObject({
    units: z.array(
      z.strictObject({
        unitId: uuid.nullable(),
        unitName: z.string().nullable(),
        invited: z.boolean(),
        response: z.enum(RSVP_RESPONSES).nullable(),
        byStatus: statusCounts,
        sent: z.int(),
      }),
    ),
    invitedUnits: z.int(),
    answeredUnits: z.int(),
    unitsPresent: z.int(),
    unitsWithNobody: z.array(z.strictObject({ unitId: uuid, unitName: z.string() })),
    byStatus: statusCounts,
    people: z.int(),
  }),
  "AttendanceSummary",
);

export const Decision = reg(z.strictObject({ id: uuid, meetingId: uuid, number: z.int(), text: z.string(), version, updatedAt }), "Decision");

export const Minutes = reg(
  z.strictObject({
    meetingId: uuid,
    summary: z.string(),
    finalizedAt: instant.nullable(),
    version: z.int().min(0).max(2_147_483_647).describe("0 while no minutes were written; send it back as If-Match (or `version`)."),
    decisions: z.array(Decision),
    updatedAt: updatedAt.nullable().describe("When the summary last changed; null while no minutes were written."),
  }),
  "Minutes",
);

export const ActionItem = reg(
  z.strictObject({
    id: uuid,
    meetingId: uuid.nullable(),
    decisionId: uuid.nullable(),
    title: z.string(),
    description: z.string(),
    categoryId: uuid,
    workUnitId: uuid,
    workUnitName: z.string(),
    picUserId: uuid.nullable(),
    dueDate: date,
    priority: z.enum(PRIORITIES),
    status: z.enum(ACTION_ITEM_STATUSES),
    progress: z.int().min(0).max(100),
    overdue: z.boolean().describe("Not done and past its due date in the owner unit's time zone."),
    dueSoon: z.boolean().describe("Not done and due within 7 days."),
    version,
    updatedAt,
  }),
  "ActionItem",
);

export const ActionItemUpdate = reg(
  z.strictObject({
    id: uuid,
    kind: z.enum(UPDATE_KINDS),
    fromStatus: z.enum(ACTION_ITEM_STATUSES).nullable(),
    toStatus: z.enum(ACTION_ITEM_STATUSES).nullable(),
    progress: z.int().nullable(),
    note: z.string(),
    evidenceUrl: z.string().nullable(),
    evidenceFileId: uuid.nullable(),
    createdAt: instant,
  }),
  "ActionItemUpdate",
);

const aggregate = {
  total: z.int(),
  open: z.int(),
  inProgress: z.int(),
  reported: z.int(),
  verified: z.int(),
  cancelled: z.int(),
  overdue: z.int(),
  onTimeRate: z.number().nullable(),
  medianDaysToVerify: z.number().nullable(),
  completionRate: z.number().nullable(),
};
export const FollowUpDashboard = reg(
  z.strictObject({
    units: z.array(z.strictObject({ unitId: uuid, unitName: z.string(), ...aggregate })),
    categories: z.array(z.strictObject({ categoryId: uuid, nameId: z.string(), nameEn: z.string(), ...aggregate })),
    overall: z.strictObject(aggregate),
    trend: z.array(z.strictObject({ month: z.string(), created: z.int(), verified: z.int() })),
  }),
  "FollowUpDashboard",
);

export const MeetingConflict = reg(
  z.strictObject({
    kind: z.enum(["room", "person", "unit"]),
    meetingId: uuid,
    title: z.string(),
    startsAt: instant,
    endsAt: instant,
    timeZone: z.enum(TIME_ZONES),
    subject: z.string().describe("The room, the person's name or the unit's name that is double-booked."),
    suggestion: z.string().optional().describe("A typed place very like one of the office's managed rooms: that room's name (choose it as `roomId`)."),
  }),
  "MeetingConflict",
);

/** A paginated list: keyset cursors bound to the sort, the filters and the limit. */
export function page<T extends z.ZodType>(item: T, id: string) {
  return reg(
    z.strictObject({
      items: z.array(item),
      total: z.int().describe("Matching items, counted up to 100."),
      totalCapped: z.boolean().describe("True when there are more than `total`."),
      nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
      prevCursor: z.string().nullable().describe("Pass as `cursor` for the previous page; null on the first page."),
    }),
    id,
  );
}
/** A complete (unpaginated) list. */
export function list<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(item: T, id: string, extra?: E) {
  return reg(z.strictObject({ ...(extra ?? ({} as E)), items: z.array(item) }), id);
}

export const MeetingPage = page(Meeting, "MeetingPage");

export const ActionItemPage = page(ActionItem, "ActionItemPage");
export const TokenPage = page(Token, "TokenPage");
export const WorkUnitList = list(WorkUnit, "WorkUnitList");
export const CategoryList = list(Category, "CategoryList");
export const AgendaList = list(AgendaItem, "AgendaList", { totalMinutes: z.int() });
export const SpeakerList = list(Speaker, "SpeakerList");
export const InvitationList = list(Invitation, "InvitationList");
export const AttendanceList = list(Attendance, "AttendanceList");
export const ActionItemUpdateList = list(ActionItemUpdate, "ActionItemUpdateList");
export const MeetingDetail = reg(
  z.strictObject({
    ...Meeting.shape,
    agenda: AgendaList.optional().describe("With include=agenda."),
    speakers: z.array(Speaker).optional().describe("With include=speakers."),
    invitations: z.array(Invitation).optional().describe("With include=invitations."),
    attendances: z.array(Attendance).optional().describe("With include=attendances (empty for those who may not see the attendance records)."),
    minutes: Minutes.optional().describe("With include=minutes."),
  }),
  "MeetingDetail",
  "A meeting, with the parts asked for in ?include=.",
);

export const Person = reg(
  z.strictObject({
    id: uuid.describe("Use it as userId, picUserId or chairUserId."),
    name: z.string(),
    nip: z.string().nullable().describe("Nomor Induk Pegawai (18 digits), when recorded."),
    position: z.string(),
    workUnitId: uuid,
    workUnitName: z.string(),
    updatedAt,
  }),
  "Person",
  "A person, as much as an integrator needs to name them (never their e-mail or role).",
);
export const PersonPage = page(Person, "PersonPage");

export const Event = reg(
  z.strictObject({
    id: z.string().describe("The event's position in the feed: pass it as `after` to read on from here."),
    kind: z.enum(EVENT_KINDS),
    occurredAt: instant,
    meetingId: uuid.nullable(),
    actionItemId: uuid.nullable(),
    subjectId: uuid.describe("The record the event is about: the meeting, invitation, attendance record or follow-up (for agenda.changed and speakers.changed the meeting)."),
    data: z.record(z.string(), z.unknown()).describe("What changed, by kind: status, times before and after a reschedule, an answer, a transition's from/to…"),
  }),
  "Event",
  "Something that happened, in the order the changes committed.",
);
export const EventPage = reg(
  z.strictObject({
    items: z.array(Event),
    nextCursor: z.string().describe("Pass as `after` to read on (also when `items` is empty: poll with it)."),
    more: z.boolean().describe("True when more events may be waiting: read again at once."),
  }),
  "EventPage",
);
const webhookFields = {
  id: uuid,
  url: z.string(),
  kinds: z.array(z.enum(EVENT_KINDS)).describe("The kinds sent; empty: every kind."),
  active: z.boolean(),
  createdAt: instant,
  version,
  updatedAt,
};
export const Webhook = reg(z.strictObject(webhookFields), "Webhook", "A webhook subscription (its secret is shown once, when it is made).");
export const CreatedWebhook = reg(
  z.strictObject({ ...webhookFields, secret: z.string().describe("The signing secret, shown once: verify Rakor-Signature with it.") }),
  "CreatedWebhook",
);
export const WebhookList = list(Webhook, "WebhookList");
export const WebhookDelivery = reg(
  z.strictObject({
    id: uuid,
    subscriptionId: uuid,
    eventId: z.string().describe("The event's feed position (Event.id)."),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.int(),
    payload: z.string().describe("The exact JSON body sent (an Event)."),
    lastStatusCode: z.int().nullable(),
    lastError: z.string().nullable(),
    lastResponseBody: z.string().nullable().describe("The receiver's last answer, up to 64 KB."),
    lastAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    createdAt: instant,
    updatedAt,
  }),
  "WebhookDelivery",
);
export const WebhookDeliveryList = list(WebhookDelivery, "WebhookDeliveryList");

export const Letter = reg(
  z.strictObject({
    id: uuid,
    meetingId: uuid,
    officeId: uuid.describe("The office whose register holds the number."),
    kind: z.enum(LETTER_KINDS),
    number: z.string().describe("Unique per office and year; never given again, even after a withdrawal."),
    year: z.int(),
    letterDate: date,
    placeName: z.string(),
    nature: z.enum(LETTER_NATURES),
    subject: z.string().describe("Hal."),
    addressees: z.array(z.string()),
    addresseesAttached: z.boolean().describe("True: \"Daftar terlampir\" (the invited units are listed in the lampiran)."),
    copies: z.array(z.string()).describe("Tembusan."),
    signerName: z.string(),
    signerPosition: z.string(),
    signerNip: z.string().nullable(),
    onBehalfKind: z.enum(ON_BEHALF_KINDS).nullable(),
    onBehalfOf: z.string().nullable(),
    refersToLetterId: uuid.nullable().describe("A perubahan jadwal or pembatalan: the letter it refers to."),
    startsAt: instant.describe("The meeting's start the letter announces."),
    endsAt: instant,
    previousStartsAt: instant.nullable().describe("A perubahan jadwal: the start announced before."),
    previousEndsAt: instant.nullable(),
    issuedAt: instant,
    withdrawnAt: instant.nullable(),
    withdrawReason: z.string().nullable(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().describe("SHA-256 of the stored PDF (GET /letters/{id}/pdf returns exactly those bytes)."),
    verificationCode: z.string().nullable().describe("The code of the public verification page /verifikasi/<code>."),
  }),
  "Letter",
  "An issued letter (surat dinas) as its register row; what was issued never changes.",
);
export const LetterPage = page(Letter, "LetterPage");

export const Problem = reg(
  // Open: RFC 9457 allows extension members (`current` of a 409/412 is added per operation).
  z.looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z
      .array(z.strictObject({ path: z.string().describe("A public field name (`title`, `delegates.0.name`), a header (`If-Match`) or `(body)`."), message: z.string() }))
      .optional()
      .describe("422: every invalid field."),
    conflicts: z.array(MeetingConflict).optional().describe("422 on a meeting write: the double bookings to acknowledge with `acknowledgeConflicts: true`."),
  }),
  "Problem",
  "RFC 9457 problem details.",
);

export type Out<T extends z.ZodType> = z.output<T>;

const provisioningCounts = z.strictObject({
  unitCreated: z.int(),
  unitChanged: z.int(),
  created: z.int(),
  moved: z.int(),
  changed: z.int(),
  unchanged: z.int(),
  deactivated: z.int(),
});
export const ProvisioningResult = reg(
  z.strictObject({
    runId: uuid.describe("The run; the admin page shows it at /admin/provisioning/{runId}."),
    status: z.enum(["dry_run", "applied"]),
    counts: provisioningCounts,
    errorCount: z.int(),
    errors: z
      .array(z.strictObject({ file: z.enum(["people", "units"]), line: z.int(), column: z.string(), message: z.string() }))
      .describe("The first 500 errors, each by file, line and column."),
  }),
  "ProvisioningResult",
  "What a personnel import would change (dry run) or changed (applied).",
);
