import { describe, expect, it } from "vitest";
import type { ActionItemStatus, MeetingStatus } from "@/db/schema";
import { can, type Actor } from "./permissions";
import { actor, BLITAR, DIV, LAPAS, MALANG, meeting, OTHER_DIV } from "@/tests/policy";

/**
 * The rest of the policy, as a matrix of who may and who may not (no database): the account-wide
 * rights, the live console, and the follow-up rules by status. Every answer is exactly true or false.
 */
const admin = actor("admin", LAPAS);
const secretariat = actor("secretariat", DIV);
const head = actor("head", DIV);
const participant = actor("participant", MALANG);
const otherSecretariat = actor("secretariat", OTHER_DIV);
const otherHead = actor("head", OTHER_DIV);
const otherParticipant = actor("participant", BLITAR);
const EVERYONE = { admin, secretariat, head, participant, otherSecretariat, otherHead, otherParticipant };
const who = (allowed: (a: Actor) => boolean) => Object.entries(EVERYONE).filter(([, a]) => allowed(a)).map(([name]) => name);
const STATUSES: MeetingStatus[] = ["draft", "scheduled", "ongoing", "completed", "cancelled"];

describe("policy: account-wide rights", () => {
  it("gives administration, categories and the outbox to admins only; the dashboard and people search to staff", () => {
    for (const action of ["admin.manage", "categories.manage", "outbox.view"] as const) expect(who((a) => can(a, action)), action).toEqual(["admin"]);
    for (const action of ["dashboard.view", "people.searchAll", "actionItem.oversee"] as const) {
      expect(who((a) => can(a, action)), action).toEqual(["admin", "secretariat", "head", "otherSecretariat", "otherHead"]);
    }
    expect(who((a) => can(a, "meeting.list"))).toEqual(Object.keys(EVERYONE));
    expect(who((a) => can(a, "webhook.manage"))).toEqual(["admin", "secretariat", "otherSecretariat"]);
  });

  it("opens an office's letter register to admins and that office's staff", () => {
    expect(who((a) => can(a, "letters.register", { sameOffice: true }))).toEqual(["admin", "secretariat", "head", "otherSecretariat", "otherHead"]);
    expect(who((a) => can(a, "letters.register", { sameOffice: false }))).toEqual(["admin"]);
  });

  it("lets admins oversee any unit, and staff the units of their division", () => {
    expect(who((a) => can(a, "unit.oversee", { unitId: MALANG }))).toEqual(["admin", "secretariat", "head"]);
    expect(who((a) => can(a, "meeting.create", { organizerUnitId: DIV }))).toEqual(["admin", "secretariat"]);
    expect(who((a) => can(a, "actionItem.create", { workUnitId: MALANG }))).toEqual(["admin", "secretariat", "head"]);
  });
});

describe("policy: meetings", () => {
  it("shows a meeting to staff of any division with an invited unit, and lets invited units answer while it is published", () => {
    expect(can(otherHead, "meeting.view", meeting("scheduled", [MALANG, LAPAS]))).toBe(true);
    expect(can(otherHead, "meeting.view", meeting("scheduled", [MALANG]))).toBe(false);
    expect(can(admin, "meeting.view", meeting("draft", []))).toBe(true);
    const answers = (status: MeetingStatus) => who((a) => can(a, "meeting.respond", meeting(status)));
    expect(STATUSES.map(answers)).toEqual([[], ["participant"], ["participant"], [], []]);
    expect(STATUSES.map((s) => who((a) => can(a, "meeting.checkIn", meeting(s))))).toEqual([[], ["participant"], ["participant"], [], []]);
  });

  it("lets a minute-taker who sees the meeting write its minutes once it is published", () => {
    const takers = [head.id, otherParticipant.id, participant.id];
    const writers = (status: MeetingStatus) => who((a) => can(a, "minutes.write", meeting(status, [MALANG], takers)));
    expect(writers("draft")).toEqual(["admin", "secretariat"]);
    expect(writers("scheduled")).toEqual(["admin", "secretariat", "head", "participant"]);
    expect(who((a) => can(a, "minutes.write", meeting("scheduled")))).toEqual(["admin", "secretariat"]);
    expect(who((a) => can(a, "minutes.reopen", meeting("completed", [MALANG], takers)))).toEqual(["admin", "secretariat"]);
  });

  it("runs the live console, its screen, notes and the speakers' queue only in the right statuses", () => {
    const m = (status: MeetingStatus) => ({ ...meeting(status, [MALANG], [participant.id]), moderatorUserIds: [participant.id, otherParticipant.id] });
    const per = (action: "live.run" | "live.screen" | "live.note" | "live.requestFloor" | "live.queue") => STATUSES.map((s) => who((a) => can(a, action, m(s))));
    expect(per("live.run")).toEqual([[], [], ["admin", "secretariat"], [], []]);
    expect(per("live.screen")).toEqual([[], ["admin", "secretariat"], ["admin", "secretariat"], ["admin", "secretariat"], []]);
    expect(per("live.note")).toEqual([[], [], ["admin", "secretariat", "participant"], [], []]);
    expect(per("live.requestFloor")).toEqual([[], [], ["admin", "secretariat", "head", "participant"], [], []]);
    // The moderator runs the queue if they see the meeting (BLITAR is not invited).
    expect(per("live.queue")).toEqual([[], [], ["admin", "secretariat", "participant"], [], []]);
    expect(who((a) => can(a, "live.queue", meeting("ongoing")))).toEqual(["admin", "secretariat"]);
  });
});

describe("policy: follow-ups by status", () => {
  const ITEM_STATUSES: ActionItemStatus[] = ["open", "in_progress", "reported", "verified", "cancelled"];
  const item = (status: ActionItemStatus, picUserId: string | null = otherParticipant.id) => ({ workUnitId: MALANG, picUserId, status });
  type ItemAction = "actionItem.view" | "actionItem.work" | "actionItem.requestExtension" | "actionItem.verify" | "actionItem.plan" | "actionItem.decideExtension";
  const per = (action: ItemAction, pic: string | null = otherParticipant.id) => ITEM_STATUSES.map((s) => who((a) => can(a, action, item(s, pic))));

  it("shows an item to the overseeing staff, the owner unit and its person in charge", () => {
    expect(per("actionItem.view")[0]).toEqual(["admin", "secretariat", "head", "participant", "otherParticipant"]);
    expect(per("actionItem.view", null)[0]).toEqual(["admin", "secretariat", "head", "participant"]);
  });

  it("lets the owner unit and the person in charge work it while open or in progress, and ask for more time until it is closed", () => {
    const owners = ["participant", "otherParticipant"];
    expect(per("actionItem.work")).toEqual([owners, owners, [], [], []]);
    expect(per("actionItem.work", null)).toEqual([["participant"], ["participant"], [], [], []]);
    expect(per("actionItem.requestExtension")).toEqual([owners, owners, owners, [], []]);
    expect(per("actionItem.requestExtension", null)).toEqual([["participant"], ["participant"], ["participant"], [], []]);
  });

  it("lets the overseeing staff verify and decide extensions always, and edit the plan until the item is closed", () => {
    const staff = ["admin", "secretariat", "head"];
    expect(per("actionItem.verify")).toEqual([staff, staff, staff, staff, staff]);
    expect(per("actionItem.decideExtension")).toEqual([staff, staff, staff, staff, staff]);
    expect(per("actionItem.plan")).toEqual([staff, staff, staff, [], []]);
  });
});
