import type { Translate } from "@/lib/i18n/translate";
import { formatDateTime, formatTime, type Locale } from "@/lib/time";
import type { CheckInState } from "./attendance";

/** What the check-in page tells the user for each state (null: the form is shown). */
export function checkInText(t: Translate, state: CheckInState, timeZone: string, locale: Locale): { tone: "info" | "error" | "warning" | "success"; text: string } | null {
  switch (state.kind) {
    case "open":
      return null;
    case "checkedIn":
      return { tone: "success", text: t("meetings.checkIn.alreadyAt", { at: formatTime(state.at, timeZone, locale) }) };
    case "ended":
      return { tone: "info", text: t("meetings.checkIn.ended") };
    case "cancelled":
      return { tone: "warning", text: t("meetings.checkIn.cancelled") };
    case "notInvited":
      return { tone: "error", text: t("meetings.checkIn.notInvited") };
    case "notYet":
      return { tone: "warning", text: t("meetings.checkIn.notYet", { opens: formatDateTime(state.opensAt, timeZone, locale) }) };
    case "closed":
      return { tone: "warning", text: t("meetings.checkIn.closed") };
  }
}
