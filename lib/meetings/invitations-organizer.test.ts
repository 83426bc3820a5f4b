import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, users } from "@/db/schema";
import { makeUnit, makeUser } from "@/tests/fixtures";
import { createMeeting } from "./create-meeting";
import { inviteUnits } from "./invitations";
import { publishReach } from "./publish-reach";

/** Kanwil → Divisi (parent) → { Bagian (the organizer) → Subbagian, Bagian lain }. */
async function tree() {
  const root = await makeUnit({ kind: "division" });
  const parent = await makeUnit({ parentId: root.id, kind: "division" });
  const organizer = await makeUnit({ parentId: parent.id });
  const below = await makeUnit({ parentId: organizer.id });
  const sibling = await makeUnit({ parentId: parent.id });
  const secretariat = await makeUser("secretariat", root.id);
  const { meeting } = await createMeeting(secretariat, {
    title: "Rakor Bagian",
    topic: "",
    kind: "rakor",
    startsAt: "2034-05-02T09:00",
    endsAt: "2034-05-02T10:00",
    timeZone: "Asia/Jakarta",
    location: "",
    onlineUrl: "",
    organizerUnitId: organizer.id,
    chairUserId: "",
    acknowledgeConflicts: true,
  });
  const invited = async () => (await db.select({ id: invitations.workUnitId }).from(invitations).where(eq(invitations.meetingId, meeting.id))).map((r) => r.id).sort();
  return { root, parent, organizer, below, sibling, secretariat, meeting, invited };
}

describe("inviting a parent with its sub-units", () => {
  it("leaves out the organizing unit (its own sub-units stay)", async () => {
    const o = await tree();
    await inviteUnits(o.secretariat, o.meeting.id, { unitIds: [o.parent.id], includeSubUnits: true, acknowledgeConflicts: true });
    expect(await o.invited()).toEqual([o.parent.id, o.below.id, o.sibling.id].sort());
  });

  it("leaves out the units above the organizer too, unless they are picked", async () => {
    const o = await tree();
    await inviteUnits(o.secretariat, o.meeting.id, { unitIds: [o.root.id], includeSubUnits: true, acknowledgeConflicts: true });
    expect(await o.invited()).toEqual([o.root.id, o.below.id, o.sibling.id].sort());
  });

  it("invites the organizer and its parent when they are chosen by name", async () => {
    const o = await tree();
    await inviteUnits(o.secretariat, o.meeting.id, { unitIds: [o.parent.id, o.organizer.id], includeSubUnits: true, acknowledgeConflicts: true });
    expect(await o.invited()).toEqual([o.parent.id, o.organizer.id, o.below.id, o.sibling.id].sort());
  });
});

describe("the 'Terbitkan' dialog's numbers", () => {
  it("counts the invited units and the people the invitation e-mail goes to", async () => {
    const o = await tree();
    expect(await publishReach(o.meeting.id)).toEqual({ units: 0, people: 0 });
    // The sibling has a head and a contact (both told) and a plain member (not told); `below` has
    // only two plain members (a unit with neither head nor contact: its members are told).
    await makeUser("head", o.sibling.id);
    const contact = await makeUser("participant", o.sibling.id);
    await db.update(users).set({ unitContact: true }).where(eq(users.id, contact.id));
    await makeUser("participant", o.sibling.id);
    await makeUser("participant", o.below.id);
    await makeUser("participant", o.below.id);
    await inviteUnits(o.secretariat, o.meeting.id, { unitIds: [o.sibling.id, o.below.id], acknowledgeConflicts: true });
    expect(await publishReach(o.meeting.id)).toEqual({ units: 2, people: 4 });
  });
});
