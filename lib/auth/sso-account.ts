import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users, workUnits, type Role } from "@/db/schema";
import { audit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/errors";
import { stripUnsafeChars } from "@/lib/input";
import type { SsoRefusal, SsoSettings } from "./sso-settings";

export type SsoAccount = { id: string; name: string; email: string; role: Role; sessionVersion: number };
export type SsoResolution = { ok: true; user: SsoAccount; created: boolean } | { ok: false; reason: SsoRefusal };

type Claims = Record<string, unknown>;

/** A claim as text: strings and numbers (a NIP may come as a number), trimmed; anything else is absent. */
function claimText(claims: Claims, name: string, max = 200): string | null {
  // A dotted name reads a nested claim ("employee.nip").
  let value: unknown = claims;
  for (const part of name.split(".")) value = value && typeof value === "object" ? (value as Claims)[part] : undefined;
  if (typeof value === "number" && Number.isSafeInteger(value)) value = String(value);
  if (typeof value !== "string") return null;
  const text = stripUnsafeChars(value).trim().slice(0, max);
  return text || null;
}

/** The identity the provider vouches for, read with the configured claim names. */
export function ssoIdentity(claims: Claims, settings: SsoSettings) {
  const nipText = claimText(claims, settings.nipClaim)?.replace(/\s+/g, "") ?? null;
  const email = claimText(claims, settings.emailClaim)?.toLowerCase() ?? null;
  return {
    nip: nipText && /^[0-9]{18}$/.test(nipText) ? nipText : null,
    email: email && /^[^@\s]+@[^@\s]+$/.test(email) ? email : null,
    name: claimText(claims, settings.nameClaim),
    unitCode: claimText(claims, settings.unitClaim, 40),
    role: claimText(claims, settings.roleClaim, 40),
    position: claimText(claims, settings.positionClaim),
  };
}

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  sessionVersion: users.sessionVersion,
  active: users.active,
  nip: users.nip,
};

/**
 * The Rakor account of a person the provider signed in: by NIP first, then by e-mail — an e-mail
 * match is taken only when the account has no NIP or the provider sent none (an account whose NIP
 * differs from the provider's is someone else). The account must be active. Unknown people are
 * refused unless just-in-time creation is on: then an account without a password is created in
 * the unit the unit claim names (or SSO_JIT_DEFAULT_UNIT) with the role claim (never admin) or
 * SSO_JIT_DEFAULT_ROLE, and audited.
 */
export async function resolveSsoAccount(claims: Claims, settings: SsoSettings): Promise<SsoResolution> {
  const who = ssoIdentity(claims, settings);
  if (!who.nip && !who.email) return { ok: false, reason: "SsoNoIdentity" };
  const found = await findAccount(who);
  if (found === "mismatch") return { ok: false, reason: "SsoUnknown" };
  if (found) return found.active ? { ok: true, user: account(found), created: false } : { ok: false, reason: "SsoInactive" };
  if (!settings.jit) return { ok: false, reason: "SsoUnknown" };
  return createJustInTime(who, settings);
}

type Identity = ReturnType<typeof ssoIdentity>;

async function findAccount(who: Identity) {
  const byNip = who.nip ? (await db.select(accountColumns).from(users).where(eq(users.nip, who.nip)).limit(1))[0] : undefined;
  if (byNip || !who.email) return byNip;
  const [byEmail] = await db.select(accountColumns).from(users).where(sql`lower(${users.email}) = ${who.email}`).limit(1);
  if (byEmail && byEmail.nip && who.nip) return "mismatch" as const;
  return byEmail;
}

const account = (row: SsoAccount): SsoAccount => ({ id: row.id, name: row.name, email: row.email, role: row.role, sessionVersion: row.sessionVersion });

async function createJustInTime(who: Identity, settings: SsoSettings): Promise<SsoResolution> {
  const unitCode = who.unitCode ?? settings.jitDefaultUnit;
  if (!who.email || !unitCode) return { ok: false, reason: "SsoJitFailed" };
  const [unit] = await db
    .select({ id: workUnits.id })
    .from(workUnits)
    .where(and(sql`upper(${workUnits.code}) = ${unitCode.toUpperCase()}`, eq(workUnits.active, true)))
    .limit(1);
  if (!unit) return { ok: false, reason: "SsoJitFailed" };
  const claimedRole = who.role?.toLowerCase();
  // A claim never makes an administrator: that stays an administrator's decision in Rakor.
  const role: Role =
    claimedRole === "secretariat" || claimedRole === "head" || claimedRole === "participant" ? claimedRole : settings.jitDefaultRole === "admin" ? "participant" : settings.jitDefaultRole;
  const values = { name: who.name ?? who.email, email: who.email, nip: who.nip, position: who.position ?? "", workUnitId: unit.id, role, passwordHash: null };
  try {
    const user = await db.transaction(async (tx) => {
      const [row] = await tx.insert(users).values(values).returning({ id: users.id, name: users.name, email: users.email, role: users.role, sessionVersion: users.sessionVersion });
      await audit(tx, { actorId: null }, "user.create_sso", "user", row!.id, { after: { ...values, passwordHash: undefined } });
      return row!;
    });
    return { ok: true, user, created: true };
  } catch (e) {
    // The same person signing in twice at once: the other sign-in created the account.
    if (!isUniqueViolation(e)) throw e;
    const found = await findAccount(who);
    return found && found !== "mismatch" && found.active ? { ok: true, user: account(found), created: false } : { ok: false, reason: "SsoUnknown" };
  }
}
