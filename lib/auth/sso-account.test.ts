import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLogs, users } from "@/db/schema";
import { makeUnit, uid, userRow } from "@/tests/fixtures";
import { resolveSsoAccount } from "./sso-account";
import { ssoSettings } from "./sso-settings";

const settings = ssoSettings({ SSO_ISSUER: "https://sso.example", SSO_CLIENT_ID: "rakor", SSO_CLIENT_SECRET: "s", SSO_NIP_CLAIM: "employee.nip" })!;
const nip = () => `19${String(Math.floor(Math.random() * 1e16)).padStart(16, "0")}`;

async function person(opts: { nip?: string | null; active?: boolean; role?: "participant" | "head" } = {}) {
  const unit = await makeUnit();
  const email = `sso.${uid()}@test.rakor`;
  const [row] = await db
    .insert(users)
    .values({ name: "Pegawai", email, nip: opts.nip ?? null, role: opts.role ?? "participant", workUnitId: unit.id, passwordHash: null, active: opts.active ?? true })
    .returning();
  return { user: row!, unit };
}

describe("matching an SSO person to a Rakor account", { timeout: 120_000 }, () => {
  it("is not configured without issuer, client id and secret", () => {
    expect(ssoSettings({ SSO_ISSUER: "https://sso.example", SSO_CLIENT_ID: "rakor" })).toBeNull();
    expect(settings.jit).toBe(false);
  });

  it("finds the account by the NIP claim (a nested claim) before the e-mail", async () => {
    const { user } = await person({ nip: nip(), role: "head" });
    const other = await person();
    const result = await resolveSsoAccount({ sub: "x", employee: { nip: ` ${user.nip} ` }, email: other.user.email }, settings);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "head", sessionVersion: user.sessionVersion } });
  });

  it("falls back to the e-mail (any case) for an account without a NIP, but not to one whose NIP differs", async () => {
    const { user } = await person();
    expect(await resolveSsoAccount({ sub: "x", email: user.email.toUpperCase(), employee: { nip: nip() } }, settings)).toMatchObject({ ok: true, user: { id: user.id } });
    const withNip = await person({ nip: nip() });
    expect(await resolveSsoAccount({ sub: "x", email: withNip.user.email, employee: { nip: nip() } }, settings)).toEqual({ ok: false, reason: "SsoUnknown" });
  });

  it("refuses an unknown person, a deactivated account and a provider that sends neither NIP nor e-mail", async () => {
    expect(await resolveSsoAccount({ sub: "x", employee: { nip: nip() }, email: `nobody.${uid()}@test.rakor` }, settings)).toEqual({ ok: false, reason: "SsoUnknown" });
    const { user } = await person({ nip: nip(), active: false });
    expect(await resolveSsoAccount({ sub: "x", employee: { nip: user.nip } }, settings)).toEqual({ ok: false, reason: "SsoInactive" });
    expect(await resolveSsoAccount({ sub: "x", name: "Tanpa identitas" }, settings)).toEqual({ ok: false, reason: "SsoNoIdentity" });
  });

  it("with just-in-time creation, creates an account without a password in the claimed unit and role (never admin), audited", async () => {
    const unit = await makeUnit();
    const jit = { ...settings, jit: true };
    const id = nip();
    const email = `jit.${uid()}@test.rakor`;
    const result = await resolveSsoAccount({ sub: "x", employee: { nip: id }, email, name: "Budi Baru", unit_code: unit.code.toLowerCase(), rakor_role: "head", jabatan: "Kepala Seksi" }, jit);
    expect(result).toMatchObject({ ok: true, created: true, user: { name: "Budi Baru", email, role: "head" } });
    const row = await userRow(result.ok ? result.user.id : "");
    expect(row).toMatchObject({ nip: id, workUnitId: unit.id, position: "Kepala Seksi", passwordHash: null, active: true });
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.entityId, row.id), eq(auditLogs.action, "user.create_sso")))).toHaveLength(1);
    // Signing in again finds the same account.
    expect(await resolveSsoAccount({ sub: "x", employee: { nip: id } }, jit)).toMatchObject({ ok: true, created: false, user: { id: row.id } });

    const admin = await resolveSsoAccount({ sub: "y", email: `jit.${uid()}@test.rakor`, unit_code: unit.code, rakor_role: "admin" }, jit);
    expect(admin).toMatchObject({ ok: true, user: { role: "participant" } });
    // No unit claim and no default unit: refused, nothing created.
    expect(await resolveSsoAccount({ sub: "z", email: `jit.${uid()}@test.rakor` }, jit)).toEqual({ ok: false, reason: "SsoJitFailed" });
    const withDefault = await resolveSsoAccount({ sub: "z", email: `jit.${uid()}@test.rakor` }, { ...jit, jitDefaultUnit: unit.code });
    expect(withDefault).toMatchObject({ ok: true, user: { role: "participant" } });
  });
});
