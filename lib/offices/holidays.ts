import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import { db } from "@/db/client";
import { holidays, workUnits } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, isUniqueViolation } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { HolidayDate } from "@/lib/meetings/date-warnings";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { holidaySchema } from "./schemas";

type Ctx = Omit<AuditContext, "actorId">;

/**
 * Holidays (national ones hold for every office, an office adds its own) between two dates, for
 * the offices given: what the meeting form warns about. A few dozen rows a year.
 */
export async function holidaysFor(officeIds: readonly string[], from: string, to: string): Promise<HolidayDate[]> {
  const ids = [...new Set(officeIds)];
  const office = ids.length ? or(isNull(holidays.officeUnitId), inArray(holidays.officeUnitId, ids)) : isNull(holidays.officeUnitId);
  return db
    .select({ date: holidays.date, name: holidays.name, officeUnitId: holidays.officeUnitId })
    .from(holidays)
    .where(and(office, gte(holidays.date, from), lte(holidays.date, to)))
    .orderBy(asc(holidays.date))
    .limit(2000);
}

/** Every holiday with its office's name (none: every office), for the admin page. */
export async function listHolidaysForAdmin(user: CurrentUser, from: string) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  return db
    .select({ id: holidays.id, date: holidays.date, name: holidays.name, officeUnitId: holidays.officeUnitId, officeName: workUnits.name })
    .from(holidays)
    .leftJoin(workUnits, eq(workUnits.id, holidays.officeUnitId))
    .where(gte(holidays.date, from))
    .orderBy(asc(holidays.date), asc(holidays.name))
    .limit(1000);
}

export async function addHoliday(user: CurrentUser, input: unknown, ctx: Ctx = {}) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  const data = parseInput(holidaySchema, input);
  if (data.officeUnitId) {
    const [office] = await db.select({ parentId: workUnits.parentId }).from(workUnits).where(eq(workUnits.id, data.officeUnitId));
    if (!office || office.parentId !== null) throw new ValidationError({ officeUnitId: ["offices.errors.notOffice"] });
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(holidays).values({ ...data, createdBy: user.id }).returning();
      await audit(tx, { actorId: user.id, ...ctx }, "holiday.create", "holiday", row!.id, { after: data });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e, "holidays_office_date_uq")) throw new ValidationError({ date: ["offices.holidays.taken"] });
    throw e;
  }
}

export async function deleteHoliday(user: CurrentUser, id: string, ctx: Ctx = {}) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  if (!isUuid(id)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(holidays).where(eq(holidays.id, id)).returning();
    if (!row) throw new NotFoundError();
    await audit(tx, { actorId: user.id, ...ctx }, "holiday.delete", "holiday", id, { before: { date: row.date, name: row.name, officeUnitId: row.officeUnitId } });
  });
}
