import { describe, expect, it } from "vitest";
import { makeT } from "@/lib/i18n/make-t";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/messages";
import { makeDivision, makeUser } from "@/tests/fixtures";
import { createUser } from "./users";

const t = makeT(messages.id);

describe("an empty required select", () => {
  it("says 'Wajib diisi' for the new user's unit, and 'tidak dikenal' only for an unknown one", async () => {
    const { division } = await makeDivision();
    const admin = await makeUser("admin", division.id);
    const base = { name: "Rina", email: `rina.${Date.now()}@test.rakor`, nip: "", position: "Analis", role: "participant", password: "rahasia-123" };
    const empty = (await createUser(admin, { ...base, workUnitId: "" }).catch((e: unknown) => e)) as ValidationError;
    expect(empty).toBeInstanceOf(ValidationError);
    expect(empty.fieldErrors.workUnitId?.map((k) => t(k))).toEqual(["Wajib diisi."]);
    const unknown = (await createUser(admin, { ...base, workUnitId: "bukan-unit" }).catch((e: unknown) => e)) as ValidationError;
    expect(unknown.fieldErrors.workUnitId?.map((k) => t(k))).toEqual(["Unit kerja tidak dikenal atau sudah nonaktif."]);
  });
});
