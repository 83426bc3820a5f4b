import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { office } from "@/tests/office";
import { callApi, tokenOf } from "./api";

/** Issue 22: people lookup — by NIP, e-mail, name or unit, within what the caller may see, never more than name, NIP, position and unit. */
process.env.API_RATE_LIMIT = "1000000";

type Person = Record<string, unknown> & { id: string };

describe("GET /people", { timeout: 60_000 }, () => {
  it("finds a person by NIP, e-mail or name for staff; a participant only in their own unit; never returns e-mail or role", async () => {
    const o = await office();
    const nip = `19${String(Date.now()).slice(-10)}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
    await db.update(users).set({ nip, position: "Analis Kebijakan" }).where(eq(users.id, o.participantB.id));
    const [sec, partA] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    const find = async (token: string, query: string) => {
      const r = await callApi({ method: "GET", path: "/people", token, query });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json!.items as Person[];
    };
    const byNip = await find(sec, `nip=${nip}`);
    expect(byNip.map((p) => p.id)).toEqual([o.participantB.id]);
    expect(Object.keys(byNip[0]!).sort()).toEqual(["id", "name", "nip", "position", "updatedAt", "workUnitId", "workUnitName"]);
    expect(byNip[0]).toMatchObject({ nip, position: "Analis Kebijakan", workUnitId: o.unitB.id });
    expect((await find(sec, `email=${encodeURIComponent(o.participantB.email.toUpperCase())}`)).map((p) => p.id)).toEqual([o.participantB.id]);
    expect((await find(sec, `q=${encodeURIComponent(o.participantB.name)}`)).map((p) => p.id)).toEqual([o.participantB.id]);
    expect((await find(sec, `workUnitId=${o.unitB.id}`)).map((p) => p.id)).toEqual([o.participantB.id]);
    // A participant of unit A sees their own unit only.
    expect(await find(partA, `nip=${nip}`)).toEqual([]);
    expect(await find(partA, `workUnitId=${o.unitB.id}`)).toEqual([]);
    expect((await find(partA, `workUnitId=${o.unitA.id}`)).map((p) => p.id)).toEqual([o.participantA.id]);
    // Refusals per field, and pages.
    const bad = await callApi({ method: "GET", path: "/people", token: sec, query: "nip=123&email=nope" });
    expect(bad.status).toBe(422);
    expect((bad.json!.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(["email", "nip"]);
    const first = await callApi({ method: "GET", path: "/people", token: sec, query: "limit=2" });
    expect((first.json!.items as Person[]).length).toBe(2);
    const next = await callApi({ method: "GET", path: "/people", token: sec, query: `limit=2&cursor=${String(first.json!.nextCursor)}` });
    expect(next.status).toBe(200);
    expect((next.json!.items as Person[]).some((p) => (first.json!.items as Person[]).some((q) => q.id === p.id))).toBe(false);
  });
});
