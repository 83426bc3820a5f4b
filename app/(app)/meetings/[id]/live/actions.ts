"use server";

import { runAction } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { markFromBoard, unitPeople } from "@/lib/live/board";
import { saveItemNote } from "@/lib/live/note";
import { endFloorTurn, giveFloor, requestFloor, setQueueSettings, skipFloorRequest, withdrawFloorRequest } from "@/lib/live/queue";
import { callSpeaker, setCheckInOpen, startNextItem } from "@/lib/live/run";
import { issueScreenLink, revokeScreenLink } from "@/lib/live/screen-links";

/** Thin actions of the live console: ids bound on the server, the version is the one the console saw. */
export async function nextItemAction(meetingId: string, version: number) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => startNextItem(user, meetingId, version, ctx));
}

export async function callSpeakerAction(meetingId: string, version: number, speakerId: string | null, clear: boolean) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => callSpeaker(user, meetingId, version, { speakerId, clear }, ctx));
}

export async function checkInSwitchAction(meetingId: string, version: number, open: boolean) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => setCheckInOpen(user, meetingId, version, { open }, ctx));
}

export async function saveNoteAction(meetingId: string, itemId: string, version: number, note: string) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    const row = await saveItemNote(user, meetingId, itemId, version, { note }, ctx);
    return { version: row.version, note: row.liveNote };
  }, "live.console.noteSaved");
}

export async function unitPeopleAction(meetingId: string, unitId: string) {
  const user = await requireUser();
  return runAction(() => unitPeople(user, meetingId, unitId));
}

export async function markAction(meetingId: string, userId: string, status: string) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    await markFromBoard(user, meetingId, userId, status, ctx);
    return null;
  });
}

export async function issueScreenLinkAction(meetingId: string) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    const link = await issueScreenLink(user, meetingId, ctx);
    return { id: link.id, token: link.token, createdAt: link.createdAt.toISOString() };
  });
}

export async function revokeScreenLinkAction(meetingId: string, linkId: string) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    await revokeScreenLink(user, meetingId, linkId, ctx);
    return null;
  });
}

/** The speakers' queue (issue 23): the console's (or moderator's) side. */
export async function giveFloorAction(meetingId: string, version: number, turnId: string | null) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => giveFloor(user, meetingId, version, turnId, ctx));
}

export async function skipFloorAction(meetingId: string, version: number, turnId: string) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => skipFloorRequest(user, meetingId, version, turnId, ctx));
}

export async function endTurnAction(meetingId: string, version: number) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => endFloorTurn(user, meetingId, version, ctx));
}

export async function queueSettingsAction(meetingId: string, version: number, open: boolean, turnMinutes: string) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => setQueueSettings(user, meetingId, version, { open, turnMinutes }, ctx));
}

/** The participant's side: ask for the floor, withdraw the request (their own, by its version). */
export async function requestFloorAction(meetingId: string, values: unknown) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    const row = await requestFloor(user, meetingId, values, ctx);
    return { id: row.id, version: row.version };
  }, "live.queue.sent");
}

export async function withdrawFloorAction(meetingId: string, turnId: string, version: number) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    await withdrawFloorRequest(user, meetingId, turnId, version, ctx);
    return null;
  }, "live.queue.withdrawn");
}
