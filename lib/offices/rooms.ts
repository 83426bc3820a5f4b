import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { rooms, workUnits } from "@/db/schema";
import { audit, changes, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, isUniqueViolation, orConflict } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { roomSchema } from "./schemas";

type Ctx = Omit<AuditContext, "actorId">;

export type RoomOption = { id: string; officeUnitId: string; name: string; building: string; capacity: number | null };

/** Every room with its office's name, for the admin page (offices have tens of rooms, not thousands). */
export async function listRoomsForAdmin(user: CurrentUser) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  return db
    .select({ room: rooms, officeName: workUnits.name })
    .from(rooms)
    .innerJoin(workUnits, eq(workUnits.id, rooms.officeUnitId))
    .orderBy(asc(workUnits.name), asc(rooms.name))
    .limit(2000);
}

/** The active rooms of some offices, for the meeting form's room list. */
export async function activeRoomsOf(officeIds: readonly string[]): Promise<RoomOption[]> {
  if (officeIds.length === 0) return [];
  return db
    .select({ id: rooms.id, officeUnitId: rooms.officeUnitId, name: rooms.name, building: rooms.building, capacity: rooms.capacity })
    .from(rooms)
    .where(and(eq(rooms.active, true), inArray(rooms.officeUnitId, [...new Set(officeIds)])))
    .orderBy(asc(rooms.name))
    .limit(1000);
}

export async function getRoom(id: string | null | undefined) {
  if (!id || !isUuid(id)) return null;
  const [row] = await db.select().from(rooms).where(eq(rooms.id, id));
  return row ?? null;
}

function mapUnique(e: unknown): never {
  if (isUniqueViolation(e, "rooms_office_name_uq")) throw new ValidationError({ name: ["offices.errors.roomTaken"] });
  throw e;
}

async function assertOffice(officeUnitId: string) {
  const [office] = await db.select({ id: workUnits.id, parentId: workUnits.parentId }).from(workUnits).where(eq(workUnits.id, officeUnitId));
  if (!office || office.parentId !== null) throw new ValidationError({ officeUnitId: ["offices.errors.notOffice"] });
}

export async function createRoom(user: CurrentUser, input: unknown, ctx: Ctx = {}) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  const data = parseInput(roomSchema, input);
  await assertOffice(data.officeUnitId);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(rooms).values(data).returning();
      await audit(tx, { actorId: user.id, ...ctx }, "room.create", "room", row!.id, { after: data });
      return row!;
    });
  } catch (e) {
    mapUnique(e);
  }
}

/** Rooms are never deleted (meetings keep theirs): an old one is deactivated. */
export async function updateRoom(user: CurrentUser, id: string, version: number, input: unknown, ctx: Ctx = {}) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  const data = parseInput(roomSchema, input);
  const before = await getRoom(id);
  if (!before) throw new NotFoundError();
  if (data.officeUnitId !== before.officeUnitId) await assertOffice(data.officeUnitId);
  try {
    return await orConflict(
      db.transaction(async (tx) => {
        const [row] = await tx
          .update(rooms)
          .set({ ...data, version: sql`${rooms.version} + 1`, updatedAt: new Date() })
          .where(and(eq(rooms.id, id), eq(rooms.version, version)))
          .returning();
        if (!row) return null;
        await audit(tx, { actorId: user.id, ...ctx }, "room.update", "room", id, changes(before, data));
        return row;
      }),
      () => getRoom(id),
    );
  } catch (e) {
    mapUnique(e);
  }
}
