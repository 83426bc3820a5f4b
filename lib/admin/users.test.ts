import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { makeDivision, makeUnit, makeUser, uid, userRow } from "@/tests/fixtures";
import { createUser, setUserActive, updateUser } from "./users";

describe("managing users", () => {
  it("creates a user with a hashed password and an audit row in the same transaction", async () => {
    const { division, unitA } = await makeDivision();
    const admin = await makeUser("admin", division.id);
    const email = `new.${uid()}@test.rakor`;
    const created = await createUser(admin, { name: "Rina", email, nip: "", position: "Analis", workUnitId: unitA.id, role: "participant", password: "rahasia-123" });
    const row = await userRow(created.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.nip).toBeNull();
    const audits = await db.select().from(auditLogs).where(and(eq(auditLogs.entityId, created.id), eq(auditLogs.action, "user.create")));
    expect(audits).toHaveLength(1);
  });

  it("reports every invalid field at once", async () => {
    const unit = await makeUnit();
    const admin = await makeUser("admin", unit.id);
    const error = await createUser(admin, { name: "", email: "not-an-email", nip: "123", workUnitId: "nope", role: "king", password: "x" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["email", "name", "nip", "password", "position", "role", "workUnitId"].sort());
  });

  it("refuses a duplicate email with a message on the field", async () => {
    const unit = await makeUnit();
    const admin = await makeUser("admin", unit.id);
    const email = `dup.${uid()}@test.rakor`;
    const base = { name: "A", email, nip: "", position: "", workUnitId: unit.id, role: "participant", password: "rahasia-123" };
    await createUser(admin, base);
    const error = await createUser(admin, { ...base, email: email.toUpperCase() }).catch((e) => e);
    expect((error as ValidationError).fieldErrors.email).toEqual(["errors.emailTaken"]);
  });

  it("ends sessions when the role changes and detects a concurrent edit", async () => {
    const unit = await makeUnit();
    const admin = await makeUser("admin", unit.id);
    const target = await makeUser("participant", unit.id);
    const before = await userRow(target.id);
    const input = { name: before.name, email: before.email, nip: "", position: "Kepala", workUnitId: unit.id, role: "head" };
    await updateUser(admin, target.id, before.version, input);
    const after = await userRow(target.id);
    expect(after.role).toBe("head");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    // A second admin still holding the old version is told, not silently overwriting.
    await expect(updateUser(admin, target.id, before.version, { ...input, role: "participant" })).rejects.toBeInstanceOf(ConflictError);
    expect((await userRow(target.id)).role).toBe("head");
  });

  it("is refused to anyone but an admin", async () => {
    const unit = await makeUnit();
    const secretariat = await makeUser("secretariat", unit.id);
    const target = await makeUser("participant", unit.id);
    await expect(setUserActive(secretariat, target.id, 1, false)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
