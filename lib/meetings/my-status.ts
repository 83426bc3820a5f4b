import type { RsvpResponse, MeetingStatus } from "@/db/schema";

/**
 * The one status a participant's card shows for their unit. Having checked in overrides the
 * answer (a unit that never answered but came is "present", not "not answered"); once the meeting
 * is over, an unanswered invitation reads "did not answer" (it can no longer be answered).
 */
export type MyStatus = { kind: "attended"; at: Date } | { kind: "answer"; response: RsvpResponse; over: boolean } | { kind: "organizer" };

export function myStatus(m: { status: MeetingStatus; endsAt: Date; response: RsvpResponse | null; checkedInAt: Date | null }, now = new Date()): MyStatus {
  if (m.checkedInAt) return { kind: "attended", at: m.checkedInAt };
  if (!m.response) return { kind: "organizer" };
  const over = m.status === "completed" || m.status === "cancelled" || m.endsAt <= now;
  return { kind: "answer", response: m.response, over };
}

/** The answer's label key: "Belum menjawab" while it can still be given, "Tidak menjawab" after. */
export const answerKey = (s: { response: RsvpResponse; over: boolean }) =>
  s.over && s.response === "pending" ? "meetings.invitations.responses.noAnswer" : `meetings.invitations.responses.${s.response}`;

/** The answer's label key for a list row (no check-in known there). */
export function responseKey(m: { status: MeetingStatus; endsAt: Date }, response: RsvpResponse, now = new Date()) {
  const over = m.status === "completed" || m.status === "cancelled" || m.endsAt <= now;
  return answerKey({ response, over });
}
