import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { officeSettings, users, workUnits, type OfficeSettings } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError, orConflict } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { CONTENT_TYPES, detectFileType } from "@/lib/follow-ups/file-type";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { officeSettingsSchema } from "./schemas";
import { setSequenceNext } from "./sequence";
import { todayIn } from "@/lib/time";

type Ctx = Omit<AuditContext, "actorId">;

export const LOGO_MAX_BYTES = 1024 * 1024;

/** What letters need of an office: the letterhead, the place, the default signer and numbering. */
export type Letterhead = {
  ministryLine: string;
  officeName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  placeName: string;
  logo: { bytes: Uint8Array; contentType: string } | null;
  /** Print the organizing division as a kop line (off by default). */
  showDivisionLine: boolean;
  /** Tembusan a new letter starts from. */
  defaultCopies: string[];
};

export type OfficeSettingsView = Omit<OfficeSettings, "logo" | "letterNumberNext"> & {
  hasLogo: boolean;
  defaultSigner: { id: string; name: string; position: string; nip: string | null } | null;
};

/** The settings of an office, or null when none were saved yet. The logo bytes are left out. */
export async function getOfficeSettings(officeUnitId: string): Promise<OfficeSettingsView | null> {
  if (!isUuid(officeUnitId)) return null;
  const [row] = await db
    .select({
      s: officeSettings,
      hasLogo: sql<boolean>`${officeSettings.logo} is not null`,
      signerId: users.id,
      signerName: users.name,
      signerPosition: users.position,
      signerNip: users.nip,
    })
    .from(officeSettings)
    .leftJoin(users, eq(users.id, officeSettings.defaultSignerUserId))
    .where(eq(officeSettings.officeUnitId, officeUnitId));
  if (!row) return null;
  const { logo: _logo, letterNumberNext: _legacy, ...rest } = row.s;
  void _logo;
  void _legacy;
  return {
    ...rest,
    hasLogo: !!row.hasLogo,
    defaultSigner: row.signerId ? { id: row.signerId, name: row.signerName ?? "", position: row.signerPosition ?? "", nip: row.signerNip } : null,
  };
}

/** The letterhead of an office: its settings, or its name alone when none were saved. */
export async function letterheadOf(officeUnitId: string, fallbackName: string): Promise<Letterhead> {
  const [row] = await db.select().from(officeSettings).where(eq(officeSettings.officeUnitId, officeUnitId));
  if (!row) return { ministryLine: "", officeName: fallbackName, address: "", phone: "", email: "", website: "", placeName: "", logo: null, showDivisionLine: false, defaultCopies: [] };
  return {
    ministryLine: row.ministryLine,
    officeName: row.officeName || fallbackName,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    placeName: row.placeName,
    logo: row.logo && row.logoContentType ? { bytes: row.logo, contentType: row.logoContentType } : null,
    showDivisionLine: row.showDivisionLine,
    defaultCopies: row.defaultCopies,
  };
}

/** The office's logo for the admin page preview (admins only). */
export async function officeLogo(user: CurrentUser, officeUnitId: string) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  if (!isUuid(officeUnitId)) throw new NotFoundError();
  const [row] = await db.select({ logo: officeSettings.logo, type: officeSettings.logoContentType }).from(officeSettings).where(eq(officeSettings.officeUnitId, officeUnitId));
  if (!row?.logo || !row.type) throw new NotFoundError();
  return { bytes: row.logo, contentType: row.type };
}

/** A logo must really be a PNG or JPEG (judged from its bytes) of at most 1 MB. */
export function checkLogo(file: { name: string; bytes: Uint8Array }) {
  if (file.bytes.length > LOGO_MAX_BYTES) throw new ValidationError({ logo: ["offices.errors.logoTooLarge"] });
  const kind = detectFileType(file.bytes);
  if (kind !== "png" && kind !== "jpg") throw new ValidationError({ logo: ["offices.errors.logoType"] });
  return { bytes: file.bytes, contentType: CONTENT_TYPES[kind] };
}

/**
 * Saves an office's settings (admins). `version` 0 creates them; otherwise a stale version is a
 * conflict. A new logo replaces the old; `removeLogo` removes it.
 */
export async function saveOfficeSettings(user: CurrentUser, officeUnitId: string, version: number, input: unknown, logoFile?: { name: string; bytes: Uint8Array } | null, ctx: Ctx = {}) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
  if (!isUuid(officeUnitId)) throw new NotFoundError();
  const [office] = await db.select({ id: workUnits.id, parentId: workUnits.parentId, timeZone: workUnits.timeZone }).from(workUnits).where(eq(workUnits.id, officeUnitId));
  if (!office || office.parentId !== null) throw new NotFoundError();
  const { removeLogo, letterNumberNext, ...data } = parseInput(officeSettingsSchema, input);
  const logo = logoFile && logoFile.bytes.length > 0 ? checkLogo(logoFile) : null;
  if (data.defaultSignerUserId) {
    const [signer] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, data.defaultSignerUserId), eq(users.active, true)));
    if (!signer) throw new ValidationError({ defaultSignerUserId: ["meetings.errors.unknownUser"] });
  }
  const values = {
    ...data,
    email: data.email ?? "",
    ...(logo ? { logo: logo.bytes, logoContentType: logo.contentType } : removeLogo ? { logo: null, logoContentType: null } : {}),
    updatedBy: user.id,
    updatedAt: new Date(),
  };
  return orConflict(
    db.transaction(async (tx) => {
      const [row] =
        version === 0
          ? await tx.insert(officeSettings).values({ officeUnitId, ...values }).onConflictDoNothing().returning({ officeUnitId: officeSettings.officeUnitId })
          : await tx
              .update(officeSettings)
              .set({ ...values, version: sql`${officeSettings.version} + 1` })
              .where(and(eq(officeSettings.officeUnitId, officeUnitId), eq(officeSettings.version, version)))
              .returning({ officeUnitId: officeSettings.officeUnitId });
      if (!row) return null;
      // The running number of this year's sequence: forward only (a lower value is refused).
      if (data.letterNumberFormat && letterNumberNext != null) {
        await setSequenceNext(tx, officeUnitId, data.letterNumberFormat, Number(todayIn(office.timeZone).slice(0, 4)), letterNumberNext);
      }
      await audit(tx, { actorId: user.id, ...ctx }, "office.settings", "work_unit", officeUnitId, { ...data, letterNumberNext, logo: logo ? "replaced" : removeLogo ? "removed" : "kept" });
      return row;
    }),
    () => getOfficeSettings(officeUnitId),
  );
}

/** People who may sign for an office: its heads and secretariat (a short list, not every employee). */
export async function signerOptions(officeUnitId: string) {
  if (!isUuid(officeUnitId)) return [];
  const found = await rows<{ id: string; name: string; position: string }>(sql`
    with recursive tree as (
      select id from work_units where id = ${officeUnitId}
      union all
      select w.id from work_units w join tree on w.parent_id = tree.id
    )
    select u.id, u.name, u.position from users u
     where u.active and u.role in ('head', 'secretariat') and u.work_unit_id in (select id from tree)
     order by u.name limit 500`);
  return found.map((r) => ({
    id: r.id,
    label: `${r.name}${r.position ? ` — ${r.position}` : ""}`,
  }));
}
