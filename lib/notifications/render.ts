import type { Translate } from "@/lib/i18n/translate";

/** A notification's text in the reader's language, from its kind and payload. */
export function notificationText(t: Translate, kind: string, payload: Record<string, unknown>): string {
  const s = (v: unknown) => (typeof v === "string" ? v : "");
  return t(`followUps.notifications.kinds.${kind}`, {
    title: s(payload.title),
    unit: s(payload.unitName),
    dueDate: s(payload.dueDate),
    reason: s(payload.reason),
    decision: payload.approved === undefined ? "" : t(payload.approved ? "followUps.extension.approved" : "followUps.extension.rejected"),
  });
}
