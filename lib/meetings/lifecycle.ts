import type { MeetingStatus } from "@/db/schema";
import type { TransitionName } from "./schemas";

/**
 * Meeting-day safety. A meeting can be started from `MEETING_START_EARLY_MINUTES` (default 60)
 * before its scheduled start; it can be marked completed only once it has started (started
 * with "Mulai rapat", or its scheduled start has passed); its minutes can be finalized only
 * while it is under way or after it.
 */
export function startEarlyMinutes(): number {
  const raw = Number.parseInt(process.env.MEETING_START_EARLY_MINUTES ?? "", 10);
  return Number.isInteger(raw) && raw >= 0 && raw <= 24 * 60 ? raw : 60;
}

/** Statuses in which the schedule, agenda, speakers and invitations may still change. */
export const EDITABLE_STATUSES = ["draft", "scheduled", "ongoing"] as const satisfies readonly MeetingStatus[];
export const isEditableStatus = (status: MeetingStatus) => (EDITABLE_STATUSES as readonly MeetingStatus[]).includes(status);

type Timed = { status: MeetingStatus; startsAt: Date };

/** From when "start" is allowed. */
export function startOpensAt(m: Pick<Timed, "startsAt">): Date {
  return new Date(m.startsAt.getTime() - startEarlyMinutes() * 60_000);
}

const FROM: Record<TransitionName, MeetingStatus[]> = {
  publish: ["draft"],
  start: ["scheduled"],
  complete: ["scheduled", "ongoing"],
};
export const TRANSITION_TARGET: Record<TransitionName, MeetingStatus> = { publish: "scheduled", start: "ongoing", complete: "completed" };

/** Why a transition cannot happen now (an i18n key), or null when it can. */
export function transitionRefusal(m: Timed, to: TransitionName, now = new Date()): string | null {
  if (!FROM[to].includes(m.status)) return "meetings.errors.badTransition";
  if (to === "start" && now < startOpensAt(m)) return "meetings.errors.tooEarlyToStart";
  if (to === "complete" && m.status === "scheduled" && now < m.startsAt) return "meetings.errors.completeBeforeStart";
  return null;
}

/** Minutes are finalized only for a meeting under way or held. */
export function canFinalizeMinutes(m: Pick<Timed, "status">): boolean {
  return m.status === "ongoing" || m.status === "completed";
}

/** Self check-in opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_MINUTES = 60;

/** When self check-in is open: from CHECK_IN_OPENS_MINUTES before the start to the end. */
export function checkInWindow(m: { startsAt: Date; endsAt: Date }) {
  return { opensAt: new Date(m.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000), closesAt: m.endsAt };
}
