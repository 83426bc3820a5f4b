"use server";

import { runAction } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { markFromBoard, unitPeople } from "@/lib/live/board";
import { saveItemNote } from "@/lib/live/note";
import { endFloorTurn, giveFloor, requestFloor, setQueueSettings, skipFloorRequest, withdrawFloorRequest } from "@/lib/live/queue";
import { callSpeaker, setCheckInOpen, startNextItem } from "@/lib/live/run";
import { issueScreenLink, revokeScreenLink } from "@/lib/live/screen-links";
import { arg, serverAction } from "@/lib/server-action";

/** Thin actions of the live console: ids bound on the server, the version is the one the console saw. */
export const nextItemAction = serverAction([arg.id, arg.version], async function nextItemAction(meetingId, version) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => startNextItem(user, meetingId, version, ctx));
});

export const callSpeakerAction = serverAction([arg.id, arg.version, arg.optionalId, arg.flag], async function callSpeakerAction(meetingId, version, speakerId, clear) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => callSpeaker(user, meetingId, version, { speakerId, clear }, ctx));
});

export const checkInSwitchAction = serverAction([arg.id, arg.version, arg.flag], async function checkInSwitchAction(meetingId, version, open) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => setCheckInOpen(user, meetingId, version, { open }, ctx));
});

export const saveNoteAction = serverAction([arg.id, arg.id, arg.version, arg.text(10_000)], async function saveNoteAction(meetingId, itemId, version, note) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    const row = await saveItemNote(user, meetingId, itemId, version, { note }, ctx);
    return { version: row.version, note: row.liveNote };
  }, "live.console.noteSaved");
});

export const unitPeopleAction = serverAction([arg.id, arg.id], async function unitPeopleAction(meetingId, unitId) {
  const user = await requireUser();
  return runAction(() => unitPeople(user, meetingId, unitId));
});

export const markAction = serverAction([arg.id, arg.id, arg.text(40)], async function markAction(meetingId, userId, status) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    await markFromBoard(user, meetingId, userId, status, ctx);
    return null;
  });
});

export const issueScreenLinkAction = serverAction([arg.id], async function issueScreenLinkAction(meetingId) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    const link = await issueScreenLink(user, meetingId, ctx);
    return { id: link.id, token: link.token, createdAt: link.createdAt.toISOString() };
  });
});

export const revokeScreenLinkAction = serverAction([arg.id, arg.id], async function revokeScreenLinkAction(meetingId, linkId) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    await revokeScreenLink(user, meetingId, linkId, ctx);
    return null;
  });
});

/** The speakers' queue (issue 23): the console's (or moderator's) side. */
export const giveFloorAction = serverAction([arg.id, arg.version, arg.optionalId], async function giveFloorAction(meetingId, version, turnId) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => giveFloor(user, meetingId, version, turnId, ctx));
});

export const skipFloorAction = serverAction([arg.id, arg.version, arg.id], async function skipFloorAction(meetingId, version, turnId) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => skipFloorRequest(user, meetingId, version, turnId, ctx));
});

export const endTurnAction = serverAction([arg.id, arg.version], async function endTurnAction(meetingId, version) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => endFloorTurn(user, meetingId, version, ctx));
});

export const queueSettingsAction = serverAction([arg.id, arg.version, arg.flag, arg.text(10)], async function queueSettingsAction(meetingId, version, open, turnMinutes) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(() => setQueueSettings(user, meetingId, version, { open, turnMinutes }, ctx));
});

/** The participant's side: ask for the floor, withdraw the request (their own, by its version). */
export const requestFloorAction = serverAction([arg.id, arg.values], async function requestFloorAction(meetingId, values) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    const row = await requestFloor(user, meetingId, values, ctx);
    return { id: row.id, version: row.version };
  }, "live.queue.sent");
});

export const withdrawFloorAction = serverAction([arg.id, arg.id, arg.version], async function withdrawFloorAction(meetingId, turnId, version) {
  const user = await requireUser();
  const ctx = await requestContext();
  return runAction(async () => {
    await withdrawFloorRequest(user, meetingId, turnId, version, ctx);
    return null;
  }, "live.queue.withdrawn");
});
