import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { actionItems, invitations, meetings, ROLES, type ActionItemStatus, type MeetingStatus, type Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { can, type ActionItemResource, type MeetingResource } from "@/lib/permissions";
import {
  actionItemsVerifiableBy,
  actionItemsVisibleTo,
  meetingsVisibleTo,
  unitsOrganisableBy,
  unitsOverseenBy,
  unitsVisibleTo,
  uuidArray,
} from "@/lib/scopes";
import { firstCategoryId } from "@/tests/follow-ups";
import { makeUnit, makeUser, uid } from "@/tests/fixtures";
import { listForExport } from "@/lib/follow-ups/list-action-items";
import { listMeetings } from "@/lib/meetings/list-meetings";

/**
 * The SQL scopes of lib/scopes.ts against the policy: users of every role in every unit of a
 * fixture (two divisions, nested units, a unit outside any division), every meeting status with
 * several invitation patterns, follow-ups of every unit with and without a person in charge. For
 * each user and each row, "the scoped query returns it" must equal `can(user, …)`.
 */

type Fixture = {
  /** In every fixture title: the real lists are searched for it. */
  token: string;
  unitIds: string[];
  users: CurrentUser[];
  meetings: (MeetingResource & { id: string })[];
  items: (ActionItemResource & { id: string })[];
};

const MEETING_STATUSES: MeetingStatus[] = ["draft", "scheduled", "ongoing", "completed", "cancelled"];
const ITEM_STATUSES: ActionItemStatus[] = ["open", "reported", "verified", "cancelled"];

async function buildFixture(): Promise<Fixture> {
  const token = `scope${uid()}`;
  const office = await makeUnit({ kind: "regional_office" });
  const divA = await makeUnit({ kind: "division", parentId: office.id });
  const unitA1 = await makeUnit({ parentId: divA.id });
  const subA1 = await makeUnit({ parentId: unitA1.id });
  const unitA2 = await makeUnit({ parentId: divA.id });
  const divB = await makeUnit({ kind: "division", parentId: office.id });
  const unitB1 = await makeUnit({ parentId: divB.id });
  const loose = await makeUnit();
  const units = [office, divA, unitA1, subA1, unitA2, divB, unitB1, loose];
  const unitIds = units.map((u) => u.id);

  const users: CurrentUser[] = [];
  for (const unit of units) for (const role of ROLES) users.push(await makeUser(role as Role, unit.id));

  const invitePatterns = [[], [unitA1.id], [subA1.id, unitB1.id], [divA.id, loose.id], [office.id]];
  const fixtureMeetings: Fixture["meetings"] = [];
  let day = 0;
  for (const organizer of [office, divA, unitA1, subA1, divB, loose]) {
    for (const status of MEETING_STATUSES) {
      for (const invited of invitePatterns) {
        const start = new Date(Date.UTC(2031, 0, 1) + day++ * 3_600_000);
        const [m] = await db
          .insert(meetings)
          .values({
            title: `Scope ${token} ${day}`,
            startsAt: start,
            endsAt: new Date(start.getTime() + 3_600_000),
            timeZone: "Asia/Jakarta",
            organizerUnitId: organizer.id,
            status,
            cancelReason: status === "cancelled" ? "test" : null,
          })
          .returning({ id: meetings.id });
        if (invited.length) await db.insert(invitations).values(invited.map((workUnitId) => ({ meetingId: m!.id, workUnitId })));
        fixtureMeetings.push({ id: m!.id, status, organizerUnitId: organizer.id, invitedUnitIds: invited });
      }
    }
  }

  const categoryId = await firstCategoryId();
  const pics = [null, ...users.filter((u) => u.role === "participant").slice(0, 3).map((u) => u.id), users.find((u) => u.role === "head")!.id];
  const items: Fixture["items"] = [];
  for (const unit of units) {
    for (const status of ITEM_STATUSES) {
      for (const picUserId of pics) {
        const [a] = await db
          .insert(actionItems)
          .values({
            title: `Scope item ${token} ${items.length}`,
            categoryId,
            workUnitId: unit.id,
            picUserId,
            dueDate: "2031-06-01",
            status,
            progress: status === "reported" || status === "verified" ? 100 : 0,
            cancelReason: status === "cancelled" ? "test" : null,
            reportedAt: status === "reported" || status === "verified" ? new Date() : null,
            verifiedAt: status === "verified" ? new Date() : null,
          })
          .returning({ id: actionItems.id });
        items.push({ id: a!.id, workUnitId: unit.id, picUserId, status });
      }
    }
  }
  return { token, unitIds, users, meetings: fixtureMeetings, items };
}

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
}, 120_000);

const ids = async (query: SQL) => new Set((await rows<{ id: string }>(query)).map((r) => r.id));
const label = (u: CurrentUser) => `${u.role} of ${u.workUnitName}`;

/** For every user: the rows the scoped query returns are exactly those `allowed` accepts. */
async function expectAgreement<T extends { id: string }>(
  all: () => T[],
  scoped: (user: CurrentUser, idList: SQL) => SQL,
  allowed: (user: CurrentUser, row: T) => boolean,
) {
  let compared = 0;
  for (const user of f.users) {
    const rowsOf = all();
    const got = await ids(scoped(user, uuidArray(rowsOf.map((r) => r.id))));
    const mismatches = rowsOf.filter((r) => got.has(r.id) !== allowed(user, r)).map((r) => ({ ...r, inQuery: got.has(r.id) }));
    expect(mismatches, label(user)).toEqual([]);
    compared += rowsOf.length;
  }
  return compared;
}

describe("SQL scopes agree with the policy, row by row", () => {
  it("builds a fixture with every role in several units", () => {
    expect(new Set(f.users.map((u) => u.role))).toEqual(new Set(ROLES));
    expect(f.unitIds.length).toBeGreaterThanOrEqual(3);
  });

  it("meeting.view = meetingsVisibleTo", async () => {
    const n = await expectAgreement(
      () => f.meetings,
      (user, list) => sql`select m.id from meetings m where m.id = any(${list}) and ${meetingsVisibleTo(user)}`,
      (user, m) => can(user, "meeting.view", m),
    );
    expect(n).toBe(f.users.length * f.meetings.length);
  });

  it("meeting.view = meetingsVisibleTo over the table name (drizzle queries)", async () => {
    await expectAgreement(
      () => f.meetings,
      (user, list) => sql`select id from meetings where id = any(${list}) and ${meetingsVisibleTo(user, sql.raw('"meetings"'))}`,
      (user, m) => can(user, "meeting.view", m),
    );
  });

  it("actionItem.view = actionItemsVisibleTo", async () => {
    await expectAgreement(
      () => f.items,
      (user, list) => sql`select id from action_items where id = any(${list}) and ${actionItemsVisibleTo(user)}`,
      (user, a) => can(user, "actionItem.view", a),
    );
    await expectAgreement(
      () => f.items,
      (user, list) => sql`select a.id from action_items a where a.id = any(${list}) and ${actionItemsVisibleTo(user, sql.raw("a"))}`,
      (user, a) => can(user, "actionItem.view", a),
    );
  });

  it("actionItem.verify and decideExtension = actionItemsVerifiableBy", async () => {
    await expectAgreement(
      () => f.items,
      (user, list) => sql`select id from action_items where id = any(${list}) and ${actionItemsVerifiableBy(user)}`,
      (user, a) => can(user, "actionItem.verify", a) && can(user, "actionItem.decideExtension", a),
    );
  });

  it("unit.oversee and actionItem.create = unitsOverseenBy (dashboard, decisions, create pickers)", async () => {
    await expectAgreement(
      () => f.unitIds.map((id) => ({ id })),
      (user, list) => sql`select w.id from work_units w where w.id = any(${list}) and ${unitsOverseenBy(user, sql`w.id`)}`,
      (user, u) => can(user, "unit.oversee", { unitId: u.id }) && can(user, "actionItem.create", { workUnitId: u.id }),
    );
  });

  it("meeting.create = unitsOrganisableBy (organiser pickers)", async () => {
    await expectAgreement(
      () => f.unitIds.map((id) => ({ id })),
      (user, list) => sql`select w.id from work_units w where w.id = any(${list}) and ${unitsOrganisableBy(user, sql`w.id`)}`,
      (user, u) => can(user, "meeting.create", { organizerUnitId: u.id }),
    );
  });

  it("actionItem.view of a unit's items = unitsVisibleTo (list filters, people pickers)", async () => {
    await expectAgreement(
      () => f.unitIds.map((id) => ({ id })),
      (user, list) => sql`select w.id from work_units w where w.id = any(${list}) and ${unitsVisibleTo(user, sql`w.id`)}`,
      (user, u) => ITEM_STATUSES.every((status) => can(user, "actionItem.view", { workUnitId: u.id, picUserId: null, status })),
    );
  });

  it("the lists themselves apply the scopes: listMeetings and the follow-up export", async () => {
    for (const user of f.users) {
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listMeetings>> = await listMeetings(user, { q: f.token, pageSize: 100, cursor });
        for (const m of page.items) seen.add(m.id);
        cursor = page.nextCursor;
      } while (cursor);
      expect(f.meetings.filter((m) => seen.has(m.id) !== can(user, "meeting.view", m)), label(user)).toEqual([]);
      const exported = new Set((await listForExport(user, { q: f.token })).map((a) => a.id));
      expect(f.items.filter((a) => exported.has(a.id) !== can(user, "actionItem.view", a)), label(user)).toEqual([]);
    }
  });
});
