import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLogs, meetings } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { office, publishedMeeting } from "@/tests/office";
import { cancelMeeting, transitionMeeting } from "./transition-meeting";

/**
 * Issue 20: every meeting transition refuses a stale version through the use case itself (not only
 * through the API), leaving the meeting and the audit log as they were — including the replayed
 * step taken with the version it had before.
 */
describe("a stale version on every meeting transition", { timeout: 120_000 }, () => {
  it("publish, start, complete and cancel: a conflict with the current meeting, nothing written", async () => {
    const o = await office();
    const now = new Date();
    const m = await publishedMeeting(o, { start: new Date(now.getTime() - 10 * 60_000), end: new Date(now.getTime() + 60 * 60_000) });
    const audits = async () => (await db.select().from(auditLogs).where(eq(auditLogs.entityId, m.id))).length;
    const state = async () => (await db.select({ status: meetings.status, version: meetings.version }).from(meetings).where(eq(meetings.id, m.id)))[0]!;

    for (const [to, from] of [["start", "scheduled"], ["complete", "ongoing"]] as const) {
      const before = await state();
      expect(before.status).toBe(from);
      const n = await audits();
      for (const stale of [before.version - 1, before.version + 1]) {
        const e = await transitionMeeting(o.secretariat, m.id, stale, { to }).catch((x: unknown) => x);
        expect(e, `${to} with version ${stale}`).toBeInstanceOf(ConflictError);
        expect((e as ConflictError).current).toMatchObject({ status: from, version: before.version });
        expect(await state()).toEqual(before);
        expect(await audits()).toBe(n);
      }
      await transitionMeeting(o.secretariat, m.id, before.version, { to });
      // The same step replayed with the version it was taken with.
      await expect(transitionMeeting(o.secretariat, m.id, before.version, { to })).rejects.toBeInstanceOf(ConflictError);
    }
    const other = await publishedMeeting(o);
    await expect(transitionMeeting(o.secretariat, other.id, other.version - 1, { to: "publish" })).rejects.toBeInstanceOf(ConflictError);
    await expect(cancelMeeting(o.secretariat, other.id, other.version + 1, { reason: "Bentrok jadwal" })).rejects.toBeInstanceOf(ConflictError);
    await cancelMeeting(o.secretariat, other.id, other.version, { reason: "Bentrok jadwal" });
    await expect(cancelMeeting(o.secretariat, other.id, other.version, { reason: "Bentrok jadwal" })).rejects.toBeInstanceOf(ConflictError);
  });
});
