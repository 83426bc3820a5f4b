"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/action-result";
import { arg, serverAction } from "@/lib/server-action";
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

export const createMeetingAction = serverAction([arg.values], async function createMeetingAction(values): Promise<MeetingActionState> {
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
});

export const updateMeetingAction = serverAction([arg.id, arg.version, arg.values], async function updateMeetingAction(id, version, values): Promise<MeetingActionState> {
  const user = await requireUser();
  const result = await run(async () => updateMeeting(user, id, version, values, await requestContext()));
  if (result.ok) {
    revalidatePath(page(id));
    redirect(page(id));
  }
  return result;
});

export const transitionAction = serverAction([arg.id, arg.version, arg.text(100)], async function transitionAction(id, version, to): Promise<MeetingActionState> {
  return onMeeting(id, (user, ctx) => transitionMeeting(user, id, version, { to }, ctx), "meetings.lifecycle.done");
});

export const cancelAction = serverAction([arg.id, arg.version, arg.values], async function cancelAction(id, version, values): Promise<MeetingActionState> {
  return onMeeting(id, (user, ctx) => cancelMeeting(user, id, version, values, ctx), "meetings.lifecycle.done");
});

export const rescheduleAction = serverAction([arg.id, arg.version, arg.values], async function rescheduleAction(id, version, values): Promise<MeetingActionState> {
  return onMeeting(id, (user, ctx) => rescheduleMeeting(user, id, version, values, ctx), "meetings.lifecycle.done");
});

export const createSeriesAction = serverAction([arg.id, arg.version, arg.values], async function createSeriesAction(id, version, values): Promise<MeetingActionState> {
  return onMeeting(id, (user, ctx) => createSeries(user, id, version, values, ctx), "meetings.saved");
});

export const updateSeriesTemplateAction = serverAction([arg.id, arg.id, arg.version, arg.values], async function updateSeriesTemplateAction(meetingId, seriesId, version, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => updateSeriesTemplate(user, seriesId, version, values, ctx), "meetings.saved");
});

export const addAgendaItemAction = serverAction([arg.id, arg.values], async function addAgendaItemAction(meetingId, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => addAgendaItem(user, meetingId, values, ctx), "meetings.saved");
});

export const updateAgendaItemAction = serverAction([arg.id, arg.id, arg.version, arg.values], async function updateAgendaItemAction(meetingId, itemId, version, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => updateAgendaItem(user, itemId, version, values, ctx), "meetings.saved");
});

export const deleteAgendaItemAction = serverAction([arg.id, arg.id, arg.version], async function deleteAgendaItemAction(meetingId, itemId, version): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => deleteAgendaItem(user, itemId, version, ctx), "meetings.deleted");
});

export const moveAgendaItemAction = serverAction([arg.id, arg.id, arg.oneOf("up", "down")], async function moveAgendaItemAction(meetingId, itemId, direction): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => moveAgendaItem(user, itemId, { direction }, ctx));
});

export const addSpeakerAction = serverAction([arg.id, arg.values], async function addSpeakerAction(meetingId, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => addSpeaker(user, meetingId, values, ctx), "meetings.saved");
});

export const updateSpeakerAction = serverAction([arg.id, arg.id, arg.version, arg.values], async function updateSpeakerAction(meetingId, speakerId, version, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => updateSpeaker(user, speakerId, version, values, ctx), "meetings.saved");
});

export const deleteSpeakerAction = serverAction([arg.id, arg.id, arg.version], async function deleteSpeakerAction(meetingId, speakerId, version): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => deleteSpeaker(user, speakerId, version, ctx), "meetings.deleted");
});

export const inviteUnitsAction = serverAction([arg.id, arg.values], async function inviteUnitsAction(meetingId, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => inviteUnits(user, meetingId, values, ctx), "meetings.saved");
});

export const removeInvitationAction = serverAction([arg.id, arg.id], async function removeInvitationAction(meetingId, invitationId): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => removeInvitation(user, invitationId, ctx), "meetings.deleted");
});

export const respondAction = serverAction([arg.id, arg.version, arg.values], async function respondAction(meetingId, version, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => respondToInvitation(user, meetingId, version, values, ctx), "meetings.rsvp.saved");
});

export const recordAttendanceAction = serverAction([arg.id, arg.values], async function recordAttendanceAction(meetingId, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => recordAttendance(user, meetingId, values, ctx), "meetings.attendance.recorded");
});

export const deleteAttendanceAction = serverAction([arg.id, arg.id], async function deleteAttendanceAction(meetingId, attendanceId): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => deleteAttendance(user, attendanceId, ctx), "meetings.deleted");
});

export const saveMinutesAction = serverAction([arg.id, arg.version, arg.values], async function saveMinutesAction(meetingId, version, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => saveMinutes(user, meetingId, version, values, ctx), "meetings.minutes.saved");
});

export const addDecisionAction = serverAction([arg.id, arg.values], async function addDecisionAction(meetingId, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => addDecision(user, meetingId, values, ctx), "meetings.saved");
});

export const updateDecisionAction = serverAction([arg.id, arg.id, arg.version, arg.values], async function updateDecisionAction(meetingId, decisionId, version, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => updateDecision(user, decisionId, version, values, ctx), "meetings.saved");
});

export const deleteDecisionAction = serverAction([arg.id, arg.id, arg.version], async function deleteDecisionAction(meetingId, decisionId, version): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => deleteDecision(user, decisionId, version, ctx), "meetings.deleted");
});

export const finalizeMinutesAction = serverAction([arg.id, arg.version], async function finalizeMinutesAction(meetingId, version): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => finalizeMinutes(user, meetingId, version, ctx), "meetings.saved");
});

export const reopenMinutesAction = serverAction([arg.id, arg.version, arg.values], async function reopenMinutesAction(meetingId, version, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => reopenMinutes(user, meetingId, version, values, ctx), "meetings.minutes.reopened");
});

export const issueLetterAction = serverAction([arg.id, arg.values], async function issueLetterAction(meetingId, values): Promise<MeetingActionState> {
  return onMeeting(meetingId, (user, ctx) => issueLetter(user, meetingId, values, ctx), "meetings.letter.saved");
});

/** Withdraws an issued letter of the meeting (its id and version bound by the page), with the reason given. */
export const withdrawLetterAction = serverAction([arg.id, arg.id, arg.version, arg.values], async function withdrawLetterAction(meetingId, letterId, version, values): Promise<MeetingActionState> {
  const reason = (values as { reason?: unknown } | null)?.reason;
  const result = await onMeeting(meetingId, (user, ctx) => withdrawLetter(user, letterId, version, reason, ctx), "meetings.letter.withdrawDone");
  if (result.ok) revalidatePath("/letters");
  return result;
});
