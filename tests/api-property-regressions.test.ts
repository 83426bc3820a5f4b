import { describe, expect, it } from "vitest";
import { office, publishedMeeting } from "@/tests/office";
import { callApi, tokenOf } from "./api";

/** Failures the property-based run from the document (tests/openapi-property.test.ts) found, kept as plain tests. */
process.env.API_RATE_LIMIT = "1000000";

describe("regressions found by the property-based run", () => {
  it("records a person's attendance again with their version (was a 500: a Date bound inside raw SQL)", async () => {
    const o = await office();
    const sec = await tokenOf(o.secretariat);
    const m = await publishedMeeting(o);
    const path = "/meetings/{id}/attendances";
    const first = await callApi({ method: "POST", path, params: { id: m.id }, token: sec, body: { userId: o.participantA.id, status: "excused", version: 0 } });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    const again = await callApi({ method: "POST", path, params: { id: m.id }, token: sec, body: { userId: o.participantA.id, status: "present", version: first.json!.version } });
    expect(again.status, JSON.stringify(again.json)).toBe(201);
    expect(again.json).toMatchObject({ status: "present", version: Number(first.json!.version) + 1 });
    expect(again.json!.checkedInAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/));
  });
});
