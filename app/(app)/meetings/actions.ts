"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/types";
import { addAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { deleteAttendance, recordAttendance } from "@/lib/meetings/attendance";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { createSeries, updateSeriesTemplate } from "@/lib/meetings/create-series";
import { ConflictsNeedAcknowledgement, type Conflict } from "@/lib/meetings/find-conflicts";
import { inviteUnits, removeInvitation, respondToInvitation } from "@/lib/meetings/invitations";
import { addDecision, deleteDecision, finalizeMinutes, reopenMinutes, saveMinutes, updateDecision } from "@/lib/meetings/minutes";
import { addSpeaker, deleteSpeaker, updateSpeaker } from "@/lib/meetings/speakers";
import { cancelMeeting, rescheduleMeeting, transitionMeeting } from "@/lib/meetings/transition-meeting";
import { updateMeeting } from "@/lib/meetings/update-meeting";
import { issueLetter, withdrawLetter } from "@/lib/documents/letters";

// Thin actions: requireUser → the use case (which checks the permission and parses with the
// shared schema) → expected errors as values → revalidate/redirect after.

export type ConflictView = Omit<Conflict, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string };
export type MeetingActionState = ActionState & { conflicts?: ConflictView[] };

/** runAction, plus the conflict warnings when a save stopped for acknowledgement. */
async function run<T>(work: () => Promise<T>, successMessage?: string): Promise<MeetingActionState> {
  let conflicts: ConflictView[] | undefined;
  const result = await runAction(async () => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof ConflictsNeedAcknowledgement) {
        conflicts = e.conflicts.map((c) => ({ ...c, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() }));
      }
      throw e;
    }
  }, successMessage);
  // Data of a success is not needed by the forms; keep the payload small and serialisable.
  const out: MeetingActionState = result.ok ? { ok: true, message: result.message } : result;
  return conflicts ? { ...out, conflicts } : out;
}

const page = (id: string) => `/meetings/${id}`;
type RequestContext = Awaited<ReturnType<typeof requestContext>>;

/**
 * The body of most meeting actions: the signed-in user, the use case (given the request context)
 * with expected errors as values, and the meeting page revalidated after a success.
 */
async function onMeeting(meetingId: string, work: (user: CurrentUser, ctx: RequestContext) => Promise<unknown>, successMessage?: string): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => work(user, await requestContext()), successMessage);
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function createMeetingAction(values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  let id: string | null = null;
  const result = await run(async () => {
    const { meeting } = await createMeeting(user, values, await requestContext());
    id = meeting.id;
  });
  if (result.ok && id) {
    revalidatePath("/meetings");
    redirect(page(id));
  }
  return result;
}

export async function updateMeetingAction(id: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => updateMeeting(user, id, version, values, await requestContext()));
  if (result.ok) {
    revalidatePath(page(id));
    redirect(page(id));
  }
  return result;
}

export async function transitionAction(id: string, version: number, to: string): Promise<MeetingActionState> {
  return onMeeting(id, (user, ctx) => transitionMeeting(user, id, version, { to }, ctx), "meetings.lifecycle.done");
}

export async function cancelAction(id: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(id, (user, ctx) => cancelMeeting(user, id, version, values, ctx), "meetings.lifecycle.done");
}

export async function rescheduleAction(id: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(id, (user, ctx) => rescheduleMeeting(user, id, version, values, ctx), "meetings.lifecycle.done");
}

export async function createSeriesAction(id: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(id, (user, ctx) => createSeries(user, id, version, values, ctx), "meetings.saved");
}

export async function updateSeriesTemplateAction(meetingId: string, seriesId: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => updateSeriesTemplate(user, seriesId, version, values, ctx), "meetings.saved");
}

export async function addAgendaItemAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => addAgendaItem(user, meetingId, values, ctx), "meetings.saved");
}

export async function updateAgendaItemAction(meetingId: string, itemId: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => updateAgendaItem(user, itemId, version, values, ctx), "meetings.saved");
}

export async function deleteAgendaItemAction(meetingId: string, itemId: string, version: number): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => deleteAgendaItem(user, itemId, version, ctx), "meetings.deleted");
}

export async function moveAgendaItemAction(meetingId: string, itemId: string, direction: "up" | "down"): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => moveAgendaItem(user, itemId, { direction }, ctx));
}

export async function addSpeakerAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => addSpeaker(user, meetingId, values, ctx), "meetings.saved");
}

export async function updateSpeakerAction(meetingId: string, speakerId: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => updateSpeaker(user, speakerId, version, values, ctx), "meetings.saved");
}

export async function deleteSpeakerAction(meetingId: string, speakerId: string, version: number): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => deleteSpeaker(user, speakerId, version, ctx), "meetings.deleted");
}

export async function inviteUnitsAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => inviteUnits(user, meetingId, values, ctx), "meetings.saved");
}

export async function removeInvitationAction(meetingId: string, invitationId: string): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => removeInvitation(user, invitationId, ctx), "meetings.deleted");
}

export async function respondAction(meetingId: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => respondToInvitation(user, meetingId, version, values, ctx), "meetings.rsvp.saved");
}

export async function recordAttendanceAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => recordAttendance(user, meetingId, values, ctx), "meetings.attendance.recorded");
}

export async function deleteAttendanceAction(meetingId: string, attendanceId: string): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => deleteAttendance(user, attendanceId, ctx), "meetings.deleted");
}

export async function saveMinutesAction(meetingId: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => saveMinutes(user, meetingId, version, values, ctx), "meetings.minutes.saved");
}

export async function addDecisionAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => addDecision(user, meetingId, values, ctx), "meetings.saved");
}

export async function updateDecisionAction(meetingId: string, decisionId: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => updateDecision(user, decisionId, version, values, ctx), "meetings.saved");
}

export async function deleteDecisionAction(meetingId: string, decisionId: string, version: number): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => deleteDecision(user, decisionId, version, ctx), "meetings.deleted");
}

export async function finalizeMinutesAction(meetingId: string, version: number): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => finalizeMinutes(user, meetingId, version, ctx), "meetings.saved");
}

export async function reopenMinutesAction(meetingId: string, version: number, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => reopenMinutes(user, meetingId, version, values, ctx), "meetings.minutes.reopened");
}

export async function issueLetterAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => issueLetter(user, meetingId, values, ctx), "meetings.letter.saved");
}

/** Withdraws an issued letter of the meeting (its id and version bound by the page), with the reason given. */
export async function withdrawLetterAction(meetingId: string, letterId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const reason = (values as { reason?: unknown } | null)?.reason;
  const result = await onMeeting(meetingId, (user, ctx) => withdrawLetter(user, letterId, version, reason, ctx), "meetings.letter.withdrawDone");
  if (result.ok) revalidatePath("/letters");
  return result;
}
