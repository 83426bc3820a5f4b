import { z } from "zod";
import { ACTION_ITEM_STATUSES, PRIORITIES } from "@/db/schema/_enums";
import { emptyToNull, emptyToUndefined, isoDate as isoDateOf, requiredId, safeText, searchText } from "@/lib/input";

/** Shared by the forms (client) and the use cases (server): messages are i18n keys. */


/** A calendar date that exists (years 2000–2100): the strict parser of lib/input.ts. */
export const isoDate = isoDateOf("followUps.errors.invalidDate");

/** The text limits of a follow-up (the form, the server and the API document share them). */
export const FOLLOW_UP_MAX = { title: 300, text: 5000, url: 2000 } as const;

const title = safeText(FOLLOW_UP_MAX.title, { invalid: "errors.required", tooLong: "followUps.errors.titleTooLong" }).min(1, "errors.required");
const multiline = (max: number, invalid = "errors.invalid") => safeText(max, { multiline: true, invalid, tooLong: "errors.invalid" });
const description = multiline(FOLLOW_UP_MAX.text).default("");
const note = (required: string | null) => (required ? multiline(FOLLOW_UP_MAX.text, required).min(1, required) : multiline(FOLLOW_UP_MAX.text).default(""));

export const evidenceUrlSchema = z.preprocess(
  emptyToNull,
  safeText(FOLLOW_UP_MAX.url)
    .pipe(z.url({ protocol: /^https?$/, error: "followUps.errors.evidenceUrl" }))
    .nullable()
    .default(null),
);

const base = {
  title,
  description,
  categoryId: requiredId("followUps.errors.category"),
  dueDate: isoDate,
  priority: z.enum(PRIORITIES, "errors.invalid").default("medium"),
  meetingId: z.preprocess(emptyToNull, z.uuid("errors.invalid").nullable().default(null)),
};

/** One follow-up on its own or from a meeting. */
export const createActionItemSchema = z.object({
  ...base,
  decisionId: z.preprocess(emptyToNull, z.uuid("errors.invalid").nullable().default(null)),
  workUnitId: requiredId("errors.unknownUnit"),
  picUserId: z.preprocess(emptyToNull, z.uuid("followUps.errors.pic").nullable().default(null)),
});
export type CreateActionItemInput = z.input<typeof createActionItemSchema>;

/** One decision → one copy per chosen unit (e.g. every invited unit), in one transaction. */
export const createFromDecisionSchema = z.object({
  ...base,
  decisionId: z.uuid("errors.invalid"),
  workUnitIds: z.array(z.uuid("errors.unknownUnit"), "followUps.errors.units").min(1, "followUps.errors.units").max(200, "errors.invalid"),
  /** Optional person in charge per unit: { unitId: userId }. */
  picByUnit: z.record(z.string(), z.preprocess(emptyToNull, z.uuid("followUps.errors.pic").nullable())).default({}),
});
export type CreateFromDecisionInput = z.input<typeof createFromDecisionSchema>;

export const transitionSchema = z.object({
  to: z.enum(ACTION_ITEM_STATUSES, "errors.invalid"),
  note: note(null),
  evidenceUrl: evidenceUrlSchema,
  /** An evidence file already uploaded to this item. */
  evidenceFileId: z.preprocess(emptyToNull, z.uuid("errors.invalid").nullable().default(null)),
  progress: z.preprocess(emptyToUndefined, z.coerce.number("errors.invalid").int("errors.invalid").min(0, "followUps.errors.progress").max(100, "followUps.errors.progress").optional()),
  /** Set when the step is taken while a later rakor reviews the item. */
  meetingId: z.preprocess(emptyToNull, z.uuid("errors.invalid").nullable().default(null)),
});
export type TransitionInput = z.input<typeof transitionSchema>;

export const progressSchema = z.object({
  progress: z.coerce.number("errors.invalid").int("errors.invalid").min(0, "followUps.errors.progress").max(100, "followUps.errors.progress"),
  note: note("followUps.errors.noteRequired"),
  evidenceUrl: evidenceUrlSchema,
});
export type ProgressInput = z.input<typeof progressSchema>;

export const evidenceNoteSchema = z.object({ note: note(null) });

export const extensionRequestSchema = z.object({
  requestedDueDate: isoDate,
  reason: note("followUps.errors.reasonRequired"),
});
export type ExtensionRequestInput = z.input<typeof extensionRequestSchema>;

export const extensionDecisionSchema = z.object({
  approve: z.preprocess((v) => (v === "true" || v === "approve" ? true : v === "false" || v === "reject" ? false : v), z.boolean("errors.invalid")),
  note: note(null),
});
export type ExtensionDecisionInput = z.input<typeof extensionDecisionSchema>;

const optionalUuid = z.preprocess(emptyToUndefined, z.uuid("errors.invalid").optional());
const flag = z.preprocess((v) => v === true || v === "1" || v === "true" || v === "on", z.boolean()).default(false);

/** List filters, from a URL's search params. */
export const listFiltersSchema = z.object({
  unitId: optionalUuid,
  status: z.preprocess(emptyToUndefined, z.enum(ACTION_ITEM_STATUSES).optional()),
  categoryId: optionalUuid,
  meetingId: optionalUuid,
  picUserId: optionalUuid,
  overdue: flag,
  dueSoon: flag,
  mine: flag,
  dueFrom: z.preprocess(emptyToUndefined, isoDate.optional()),
  dueTo: z.preprocess(emptyToUndefined, isoDate.optional()),
  q: z.preprocess(emptyToUndefined, searchText(200).optional()).transform((v) => v || undefined),
  /** Keyset cursor of the page (lib/pagination.ts); absent: the first page. */
  cursor: z.preprocess(emptyToUndefined, z.string().max(1000).optional()),
});
export type ListFilters = z.infer<typeof listFiltersSchema>;

/** Search params → filters; unknown or invalid values are dropped rather than failing the page. */
export function parseListFilters(params: Record<string, string | string[] | undefined>): ListFilters {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined) flat[k] = value;
  }
  const parsed = listFiltersSchema.safeParse(flat);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  for (const key of bad) delete flat[key];
  return listFiltersSchema.parse(flat);
}

/** Filters → search params (for links, export URLs, pagination). */
export function filtersToSearch(filters: Partial<ListFilters>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined || v === null || v === false || v === "") continue;
    params.set(k, v === true ? "1" : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const reviewSchema = z.object({
  note: multiline(5000).default(""),
});

/**
 * The review page's one form: the checked rows, each with its note, optional status step and the
 * version the user saw. From FormData: `itemId` (repeated), `note.<id>`, `to.<id>`, `version.<id>`.
 */
export const reviewBatchSchema = z.object({
  entries: z
    .array(
      z.object({
        itemId: z.uuid("errors.invalid"),
        note: multiline(5000).default(""),
        to: z.preprocess(emptyToUndefined, z.enum(["verified", "in_progress", "cancelled"], "errors.invalid").optional()),
        version: z.coerce.number("errors.invalid").int("errors.invalid").min(1, "errors.invalid"),
      }),
    )
    .min(1, "followUps.review.noneChecked")
    .max(200, "errors.invalid"),
});

/** FormData of the review form → reviewBatchSchema's input. */
export function reviewEntriesFromForm(formData: FormData) {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const ids = formData.getAll("itemId").filter((v): v is string => typeof v === "string");
  return { entries: [...new Set(ids)].map((id) => ({ itemId: id, note: text(`note.${id}`) ?? "", to: text(`to.${id}`), version: text(`version.${id}`) })) };
}

export const categorySchema = z.object({
  code: z
    .string("errors.required")
    .trim()
    .min(1, "errors.required")
    .max(40, "errors.invalid")
    .regex(/^[a-z0-9-]+$/, "followUps.errors.categoryCode"),
  nameId: safeText(200, { invalid: "errors.required", tooLong: "errors.invalid" }).min(1, "errors.required"),
  nameEn: safeText(200, { invalid: "errors.required", tooLong: "errors.invalid" }).min(1, "errors.required"),
  sortOrder: z.coerce.number("errors.invalid").int("errors.invalid").min(0, "errors.invalid").max(1000, "errors.invalid"),
  /** A checkbox: absent means unchecked. */
  active: z.preprocess((v) => v === true || v === "1" || v === "true" || v === "on", z.boolean()),
});
export type CategoryInput = z.input<typeof categorySchema>;

export const ALLOWED_EVIDENCE_TYPES = ["pdf", "jpg", "png", "docx", "xlsx"] as const;
export type EvidenceKind = (typeof ALLOWED_EVIDENCE_TYPES)[number];
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx";
