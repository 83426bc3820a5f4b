import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { transitionMeeting } from "@/lib/meetings/transition-meeting";
import { saveMinutes } from "@/lib/meetings/minutes";
import { todayIn } from "@/lib/time";
import { office, publishedMeeting, type Office } from "@/tests/office";
import { makeUser, uid } from "./fixtures";
import { callApi, tokenOf } from "./api";

/**
 * Letters and the finalization of minutes through API v1 (issues 19 and 22): issue from the
 * sequence, a typed number another letter holds is a 409 naming `number`, the register lists what
 * was issued, the PDF download is the stored bytes, `letter.issued` reaches the event feed;
 * minutes are finalized and reopened with a reason, a stale version is a 409.
 */
process.env.API_RATE_LIMIT = "1000000";

async function withSequence(o: Office, format: string) {
  const admin = await makeUser("admin", o.division.id);
  await saveOfficeSettings(admin, o.division.id, 0, {
    officeName: "Kantor Wilayah Uji",
    placeName: "Surabaya",
    letterNumberFormat: format,
    letterNumberNext: 7,
    defaultCopies: ["Kepala Kantor Wilayah"],
  });
  return admin;
}

const letterBody = (extra: Record<string, unknown> = {}) => ({
  letterDate: todayIn("Asia/Jakarta"),
  placeName: "Surabaya",
  nature: "segera",
  addressees: ["Kepala Divisi Administrasi"],
  signerName: "Budi Santoso",
  signerPosition: "Kepala Divisi Keimigrasian",
  signerNip: "197001011990031001",
  onBehalfKind: "an",
  onBehalfOf: "Kepala Kantor Wilayah",
  ...extra,
});

async function pdfOf(token: string, id: string) {
  const { GET } = await import("@/app/api/v1/letters/[id]/pdf/route");
  const response = await GET(new NextRequest(`http://rakor.test/api/v1/letters/${id}/pdf`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });
  return { status: response.status, type: response.headers.get("content-type"), bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("letters through API v1", () => {
  it("issues from the sequence, refuses a taken number with 409, lists the register, serves the stored PDF and emits letter.issued", async () => {
    const o = await office();
    const format = `UJI-${uid()}.01-{n}/{yyyy}`;
    await withSequence(o, format);
    const [sec, partA] = await Promise.all([tokenOf(o.secretariat), tokenOf(o.participantA)]);
    const m1 = await publishedMeeting(o);
    const m2 = await publishedMeeting(o);
    const start = await callApi({ method: "GET", path: "/events", token: sec, query: "limit=1" });
    let cursor = String(start.json!.nextCursor ?? "0.0");

    // A participant may not issue.
    const refused = await callApi({ method: "POST", path: "/meetings/{id}/letters", params: { id: m1.id }, token: partA, body: letterBody() });
    expect(refused.status).toBe(403);

    const first = await callApi({ method: "POST", path: "/meetings/{id}/letters", params: { id: m1.id }, token: sec, body: letterBody() });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    const year = todayIn("Asia/Jakarta").slice(0, 4);
    const letter = first.json as { id: string; number: string; kind: string; sha256: string; copies: string[]; onBehalfKind: string; verificationCode: string };
    expect(letter.number).toBe(format.replace("{n}", "7").replace("{yyyy}", year));
    expect(letter.kind).toBe("invitation");
    expect(letter.copies).toEqual(["Kepala Kantor Wilayah"]);
    expect(letter.onBehalfKind).toBe("an");
    expect(letter.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(letter.verificationCode).toBeTruthy();

    // A second undangan for the same meeting is refused; a number typed by hand that the office gave is a 409.
    const again = await callApi({ method: "POST", path: "/meetings/{id}/letters", params: { id: m1.id }, token: sec, body: letterBody() });
    expect(again.status).toBe(422);
    const taken = await callApi({ method: "POST", path: "/meetings/{id}/letters", params: { id: m2.id }, token: sec, body: letterBody({ number: letter.number }) });
    expect(taken.status, JSON.stringify(taken.json)).toBe(409);
    expect(taken.contentType).toContain("application/problem+json");
    expect((taken.json!.errors as { path: string }[]).map((e) => e.path)).toEqual(["number"]);
    // The same number typed with a new one is fine; the sequence goes on past it.
    const typed = await callApi({ method: "POST", path: "/meetings/{id}/letters", params: { id: m2.id }, token: sec, body: letterBody({ number: `MANUAL-${uid()}` }) });
    expect(typed.status, JSON.stringify(typed.json)).toBe(201);

    // The register: both letters in number order, filtered by year; the participant may not read it.
    const register = await callApi({ method: "GET", path: "/letters", token: sec, query: `year=${year}&limit=100&officeId=${o.division.id}` });
    expect(register.status, JSON.stringify(register.json)).toBe(200);
    const numbers = (register.json!.items as { number: string }[]).map((l) => l.number);
    expect(numbers).toEqual([letter.number, (typed.json as { number: string }).number]);
    expect((await callApi({ method: "GET", path: "/letters", token: sec, query: `year=${Number(year) - 1}&officeId=${o.division.id}` })).json!.items).toEqual([]);
    expect((await callApi({ method: "GET", path: "/letters", token: partA, query: `officeId=${o.division.id}` })).status).toBe(403);
    const paged = await callApi({ method: "GET", path: "/letters", token: sec, query: `limit=1&officeId=${o.division.id}` });
    const next = await callApi({ method: "GET", path: "/letters", token: sec, query: `limit=1&officeId=${o.division.id}&cursor=${encodeURIComponent(String(paged.json!.nextCursor))}` });
    expect([...(paged.json!.items as { id: string }[]), ...(next.json!.items as { id: string }[])].map((l) => l.id)).toEqual([letter.id, (typed.json as { id: string }).id]);

    // The PDF: exactly the stored bytes, for whoever may see the meeting.
    const pdf = await pdfOf(partA, letter.id);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(createHash("sha256").update(pdf.bytes).digest("hex")).toBe(letter.sha256);
    expect((await pdfOf(sec, "00000000-0000-4000-8000-000000000000")).status).toBe(404);

    // letter.issued in the feed (events show once older transactions have ended: poll).
    let issued: { subjectId: string; data: Record<string, unknown> }[] = [];
    for (let i = 0; i < 60 && issued.length < 2; i++) {
      const r = await callApi({ method: "GET", path: "/events", token: sec, query: `after=${cursor}&limit=100&kinds=letter.issued` });
      expect(r.status).toBe(200);
      issued = [...issued, ...(r.json!.items as typeof issued)];
      cursor = String(r.json!.nextCursor);
      if (issued.length < 2) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const mine = issued.filter((e) => e.subjectId === letter.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toMatchObject({ kind: "invitation", number: letter.number });
  }, 120_000);

  it("gives letters issued at the same time through the API distinct numbers from the sequence", async () => {
    const o = await office();
    const format = `PAR-${uid()}-{n}`;
    await withSequence(o, format);
    const sec = await tokenOf(o.secretariat);
    const meetings = [];
    for (let i = 0; i < 5; i++) meetings.push(await publishedMeeting(o));
    const issued = await Promise.all(meetings.map((m) => callApi({ method: "POST", path: "/meetings/{id}/letters", params: { id: m.id }, token: sec, body: letterBody({ onBehalfKind: null, onBehalfOf: null }) })));
    expect(issued.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const numbers = issued.map((r) => String(r.json!.number)).sort();
    expect(new Set(numbers).size).toBe(5);
    expect(numbers).toEqual([7, 8, 9, 10, 11].map((n) => format.replace("{n}", String(n))).sort());
  }, 120_000);

  it("finalizes and reopens minutes (reason required, stale version 409)", async () => {
    const o = await office();
    const sec = await tokenOf(o.secretariat);
    const head = await tokenOf(o.head);
    const m = await publishedMeeting(o);
    const saved = await saveMinutes(o.secretariat, m.id, 0, { summary: "Kepala Divisi membuka rapat." });
    const path = "/meetings/{id}/minutes/transitions";
    // Not before the meeting has started.
    const early = await callApi({ method: "POST", path, params: { id: m.id }, token: sec, body: { to: "finalized", version: saved.version } });
    expect(early.status).toBe(422);
    await transitionMeeting(o.secretariat, m.id, m.version, { to: "start" }, { now: m.startsAt });
    const stale = await callApi({ method: "POST", path, params: { id: m.id }, token: sec, body: { to: "finalized", version: saved.version + 5 } });
    expect(stale.status).toBe(409);
    expect((stale.json!.current as { version: number }).version).toBe(saved.version);
    const final = await callApi({ method: "POST", path, params: { id: m.id }, token: sec, headers: { "if-match": `W/"${saved.version}"` }, body: { to: "finalized" } });
    expect(final.status, JSON.stringify(final.json)).toBe(200);
    const minutes = final.json as { finalizedAt: string | null; version: number };
    expect(minutes.finalizedAt).not.toBeNull();
    // The stored notulen is now what the documents download serves.
    const put = await callApi({ method: "PUT", path: "/meetings/{id}/minutes", params: { id: m.id }, token: sec, body: { summary: "Diubah", version: minutes.version } });
    expect(put.status).toBe(422);
    // Reopening needs a reason and the right to manage the meeting.
    expect((await callApi({ method: "POST", path, params: { id: m.id }, token: sec, body: { to: "open", version: minutes.version } })).status).toBe(422);
    expect((await callApi({ method: "POST", path, params: { id: m.id }, token: head, body: { to: "open", reason: "Salah ketik", version: minutes.version } })).status).toBe(403);
    const reopened = await callApi({ method: "POST", path, params: { id: m.id }, token: sec, body: { to: "open", reason: "Salah ketik", version: minutes.version } });
    expect(reopened.status, JSON.stringify(reopened.json)).toBe(200);
    expect((reopened.json as { finalizedAt: string | null }).finalizedAt).toBeNull();
    // Without a version: 428.
    expect((await callApi({ method: "POST", path, params: { id: m.id }, token: sec, body: { to: "finalized" } })).status).toBe(428);
  }, 120_000);
});
