import { describe, expect, it } from "vitest";
import { rescheduleMeeting } from "@/lib/meetings/transition-meeting";
import { instantToZonedLocal } from "@/lib/time";
import { office, publishedMeeting } from "@/tests/office";
import { callApi, tokenOf } from "./api";

type Inv = { id: string; workUnitId: string; response: string; representedBy: string | null; reconfirm: { previousStartsAt: string; previousEndsAt: string } | null; version: number };

/** Issue 21 through API v1: a reschedule keeps a unit's answer and says which time it was given for. */
describe("an invitation's answer after the meeting is moved (API v1)", () => {
  it("keeps the answer with `reconfirm` naming the earlier time; answering again clears it", async () => {
    const o = await office();
    const m = await publishedMeeting(o);
    const [sec, partA] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    const list = async () => (await callApi({ method: "GET", path: "/meetings/{id}/invitations", params: { id: m.id }, token: sec })).json!.items as Inv[];
    const mine = async () => (await list()).find((i) => i.workUnitId === o.unitA.id)!;

    const before = await mine();
    expect(before.reconfirm).toBeNull();
    const answered = await callApi({ method: "PATCH", path: "/invitations/{id}", params: { id: before.id }, token: partA, body: { response: "represented", representedBy: "Kasi Lantaskim", version: before.version } });
    expect(answered.status).toBe(200);
    expect(answered.json).toMatchObject({ response: "represented", reconfirm: null });

    const later = new Date(m.startsAt.getTime() + 4 * 3_600_000);
    await rescheduleMeeting(o.secretariat, m.id, m.version, {
      startsAt: instantToZonedLocal(later, "Asia/Jakarta"),
      endsAt: instantToZonedLocal(new Date(later.getTime() + 2 * 3_600_000), "Asia/Jakarta"),
      reason: "Bentrok dengan kunjungan kerja",
    });
    const moved = await mine();
    expect(moved).toMatchObject({ response: "represented", representedBy: "Kasi Lantaskim", reconfirm: { previousStartsAt: m.startsAt.toISOString(), previousEndsAt: m.endsAt.toISOString() } });
    // A unit that had not answered has nothing to reconfirm.
    expect((await list()).find((i) => i.workUnitId === o.unitB.id)).toMatchObject({ response: "pending", reconfirm: null });

    const confirmed = await callApi({ method: "PATCH", path: "/invitations/{id}", params: { id: moved.id }, token: partA, body: { response: "represented", representedBy: "Kasi Lantaskim", version: moved.version } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({ response: "represented", reconfirm: null });
  });
});
