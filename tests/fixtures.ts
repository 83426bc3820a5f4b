import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users, workUnits, type Role, type WorkUnitKind } from "@/db/schema";
import { loadUser } from "@/lib/auth/load-user";
import type { CurrentUser } from "@/lib/auth/types";

/**
 * Test data of its own for every test: units and users with random codes, so tests can share one
 * PostgreSQL database (CI) and run in parallel.
 */
export const uid = () => crypto.randomBytes(4).toString("hex");

// A fixed argon2id hash of "rakor-demo": hashing per fixture would slow every test.
const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$5fvWH8CMldqjV/D4xPpw5Q$O1w6bP8eSSlHKIoSAEf/5GCcpoq+EUcmaMsl0T/u5Z0";

export async function makeUnit(opts: { kind?: WorkUnitKind; parentId?: string | null; name?: string; timeZone?: string } = {}) {
  const code = `T-${uid()}`;
  const [unit] = await db
    .insert(workUnits)
    .values({
      code,
      name: opts.name ?? `Unit ${code}`,
      kind: opts.kind ?? "technical_unit",
      parentId: opts.parentId ?? null,
      timeZone: opts.timeZone ?? "Asia/Jakarta",
    })
    .returning();
  return unit!;
}

/** A small tree: a division with two technical units below it. */
export async function makeDivision() {
  const division = await makeUnit({ kind: "division" });
  const unitA = await makeUnit({ parentId: division.id });
  const unitB = await makeUnit({ parentId: division.id });
  return { division, unitA, unitB };
}

export async function makeUser(role: Role, workUnitId: string, extra: { name?: string } = {}): Promise<CurrentUser> {
  const id = uid();
  const [row] = await db
    .insert(users)
    .values({ name: extra.name ?? `User ${id}`, email: `${role}.${id}@test.rakor`, role, workUnitId, passwordHash: PASSWORD_HASH })
    .returning({ id: users.id });
  return (await loadUser(row!.id))!.user;
}

export async function userRow(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}
