"use server";

import { runAction } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { markFromBoard, unitPeople } from "@/lib/live/board";
import { saveItemNote } from "@/lib/live/note";
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
