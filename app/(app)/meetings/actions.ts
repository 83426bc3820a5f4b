"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
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
import { issueInvitationLetter } from "@/lib/documents/invitation-letter";

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
  const user = await requireUser();
  const result = await run(async () => transitionMeeting(user, id, version, { to }, await requestContext()), "meetings.lifecycle.done");
  if (result.ok) revalidatePath(page(id));
  return result;
}

export async function cancelAction(id: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => cancelMeeting(user, id, version, values, await requestContext()), "meetings.lifecycle.done");
  if (result.ok) revalidatePath(page(id));
  return result;
}

export async function rescheduleAction(id: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => rescheduleMeeting(user, id, version, values, await requestContext()), "meetings.lifecycle.done");
  if (result.ok) revalidatePath(page(id));
  return result;
}

export async function createSeriesAction(id: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => createSeries(user, id, version, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(id));
  return result;
}

export async function updateSeriesTemplateAction(meetingId: string, seriesId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => updateSeriesTemplate(user, seriesId, version, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function addAgendaItemAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => addAgendaItem(user, meetingId, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function updateAgendaItemAction(meetingId: string, itemId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => updateAgendaItem(user, itemId, version, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function deleteAgendaItemAction(meetingId: string, itemId: string, version: number): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => deleteAgendaItem(user, itemId, version, await requestContext()), "meetings.deleted");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function moveAgendaItemAction(meetingId: string, itemId: string, direction: "up" | "down"): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => moveAgendaItem(user, itemId, { direction }, await requestContext()));
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function addSpeakerAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => addSpeaker(user, meetingId, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function updateSpeakerAction(meetingId: string, speakerId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => updateSpeaker(user, speakerId, version, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function deleteSpeakerAction(meetingId: string, speakerId: string, version: number): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => deleteSpeaker(user, speakerId, version, await requestContext()), "meetings.deleted");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function inviteUnitsAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => inviteUnits(user, meetingId, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function removeInvitationAction(meetingId: string, invitationId: string): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => removeInvitation(user, invitationId, await requestContext()), "meetings.deleted");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function respondAction(meetingId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => respondToInvitation(user, meetingId, version, values, await requestContext()), "meetings.rsvp.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function recordAttendanceAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => recordAttendance(user, meetingId, values, await requestContext()), "meetings.attendance.recorded");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function deleteAttendanceAction(meetingId: string, attendanceId: string): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => deleteAttendance(user, attendanceId, await requestContext()), "meetings.deleted");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function saveMinutesAction(meetingId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => saveMinutes(user, meetingId, version, values, await requestContext()), "meetings.minutes.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function addDecisionAction(meetingId: string, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => addDecision(user, meetingId, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function updateDecisionAction(meetingId: string, decisionId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => updateDecision(user, decisionId, version, values, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function deleteDecisionAction(meetingId: string, decisionId: string, version: number): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => deleteDecision(user, decisionId, version, await requestContext()), "meetings.deleted");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function finalizeMinutesAction(meetingId: string, version: number): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => finalizeMinutes(user, meetingId, version, await requestContext()), "meetings.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function reopenMinutesAction(meetingId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => reopenMinutes(user, meetingId, version, values, await requestContext()), "meetings.minutes.reopened");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}

export async function issueLetterAction(meetingId: string, version: number, values: unknown): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => issueInvitationLetter(user, meetingId, version, values, await requestContext()), "meetings.letter.saved");
  if (result.ok) revalidatePath(page(meetingId));
  return result;
}
