import "server-only";
import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { users, workUnits, type Role } from "@/db/schema";
import { audit, changes, type AuditContext } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserTokens } from "@/lib/auth/revoke";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, isUniqueViolation, orConflict } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { stripUnsafeChars } from "@/lib/input";
import { parseInput } from "@/lib/validation";
import { MAX_UNIT_CONTACTS, createUserSchema, resetPasswordSchema, updateUserSchema } from "./schemas";

export const USER_PAGE_SIZE = 25;

const publicColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  nip: users.nip,
  position: users.position,
  role: users.role,
  unitContact: users.unitContact,
  active: users.active,
  workUnitId: users.workUnitId,
  version: users.version,
  workUnitName: workUnits.name,
};

export type UserListFilters = { q?: string; role?: Role; unitId?: string; page?: number };

/** Users filtered and paginated in SQL. */
export async function listUsers(user: CurrentUser, filters: UserListFilters) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  const where: SQL[] = [];
  const term = filters.q ? stripUnsafeChars(filters.q).trim().slice(0, 100) : "";
  if (term) {
    const q = `%${term.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(ilike(users.name, q), ilike(users.email, q), ilike(users.nip, q))!);
  }
  if (filters.role) where.push(eq(users.role, filters.role));
  if (filters.unitId) where.push(eq(users.workUnitId, filters.unitId));
  const page = Math.min(Math.max(1, filters.page ?? 1), 10_000);
  const condition = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select(publicColumns)
      .from(users)
      .innerJoin(workUnits, eq(workUnits.id, users.workUnitId))
      .where(condition)
      .orderBy(asc(users.name), asc(users.id))
      .limit(USER_PAGE_SIZE)
      .offset((page - 1) * USER_PAGE_SIZE),
    db.select({ n: count() }).from(users).where(condition),
  ]);
  return { items, total: total?.n ?? 0, page, pageSize: USER_PAGE_SIZE };
}

export async function getUser(id: string) {
  const [row] = await db.select(publicColumns).from(users).innerJoin(workUnits, eq(workUnits.id, users.workUnitId)).where(eq(users.id, id));
  return row ?? null;
}

async function assertActiveUnit(unitId: string) {
  const [unit] = await db.select({ active: workUnits.active }).from(workUnits).where(eq(workUnits.id, unitId));
  if (!unit?.active) throw new ValidationError({ workUnitId: ["errors.unknownUnit"] });
}

/** At most MAX_UNIT_CONTACTS designated contacts per unit (the notification fan-out stays bounded). */
async function assertContactRoom(unitId: string, userId: string | null) {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.workUnitId, unitId), eq(users.unitContact, true), eq(users.active, true), userId ? ne(users.id, userId) : undefined));
  if ((row?.n ?? 0) >= MAX_UNIT_CONTACTS) throw new ValidationError({ unitContact: ["admin.errors.tooManyContacts"] });
}

function mapUnique(e: unknown): never {
  if (isUniqueViolation(e, "users_email_uq")) throw new ValidationError({ email: ["errors.emailTaken"] });
  if (isUniqueViolation(e, "users_nip_uq")) throw new ValidationError({ nip: ["errors.nipTaken"] });
  throw e;
}

export async function createUser(actor: CurrentUser, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  if (!can(actor, "admin.manage")) throw new ForbiddenError();
  const { password, ...data } = parseInput(createUserSchema, input);
  await assertActiveUnit(data.workUnitId);
  if (data.unitContact) await assertContactRoom(data.workUnitId, null);
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(users).values({ ...data, passwordHash }).returning({ id: users.id });
      await audit(tx, { actorId: actor.id, ...ctx }, "user.create", "user", row!.id, { after: data });
      return row!;
    });
  } catch (e) {
    mapUnique(e);
  }
}

/** Changing role or unit bumps the session version and revokes the API tokens: the user's sessions and tokens end. */
export async function updateUser(actor: CurrentUser, id: string, version: number, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  if (!can(actor, "admin.manage")) throw new ForbiddenError();
  const data = parseInput(updateUserSchema, input);
  const [before] = await db.select().from(users).where(eq(users.id, id));
  if (!before) throw new NotFoundError();
  if (data.workUnitId !== before.workUnitId) await assertActiveUnit(data.workUnitId);
  if (data.unitContact && (!before.unitContact || data.workUnitId !== before.workUnitId)) await assertContactRoom(data.workUnitId, id);
  const revoke = data.role !== before.role || data.workUnitId !== before.workUnitId;
  try {
    return await orConflict(db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({
          ...data,
          version: sql`${users.version} + 1`,
          sessionVersion: revoke ? sql`${users.sessionVersion} + 1` : users.sessionVersion,
          updatedAt: new Date(),
        })
        .where(and(eq(users.id, id), eq(users.version, version)))
        .returning({ id: users.id });
      if (!row) return null;
      if (revoke) await revokeUserTokens(tx, id);
      await audit(tx, { actorId: actor.id, ...ctx }, "user.update", "user", id, changes(before, data));
      return row;
    }), () => getUser(id));
  } catch (e) {
    mapUnique(e);
  }
}

/** Deactivating ends the user's sessions at their next request and revokes their API tokens for good. */
export async function setUserActive(actor: CurrentUser, id: string, version: number, active: boolean, ctx: Omit<AuditContext, "actorId"> = {}) {
  if (!can(actor, "admin.manage")) throw new ForbiddenError();
  if (id === actor.id && !active) throw new ValidationError({ _form: ["admin.errors.selfDeactivate"] }, "admin.errors.selfDeactivate");
  return orConflict(db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ active, version: sql`${users.version} + 1`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning({ id: users.id });
    if (!row) return null;
    if (!active) await revokeUserTokens(tx, id);
    await audit(tx, { actorId: actor.id, ...ctx }, active ? "user.activate" : "user.deactivate", "user", id);
    return row;
  }), () => getUser(id));
}

export async function resetUserPassword(actor: CurrentUser, id: string, input: unknown, ctx: Omit<AuditContext, "actorId"> = {}) {
  if (!can(actor, "admin.manage")) throw new ForbiddenError();
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!row) throw new NotFoundError();
    await revokeUserTokens(tx, id);
    await audit(tx, { actorId: actor.id, ...ctx }, "user.reset_password", "user", id);
    return row;
  });
}

/** "Sign out everywhere": every session of the user ends at once, on every instance (open live streams close within seconds); API tokens stay. */
export async function signOutEverywhere(actor: CurrentUser, id: string, ctx: Omit<AuditContext, "actorId"> = {}) {
  if (!can(actor, "admin.manage")) throw new ForbiddenError();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!row) throw new NotFoundError();
    await audit(tx, { actorId: actor.id, ...ctx }, "user.sign_out_everywhere", "user", id);
    return row;
  });
}
