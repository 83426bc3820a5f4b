import fs from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { rows } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/types";
import { arg } from "@/lib/server-action";
import { insertItem } from "@/tests/follow-ups";
import { office, publishedMeeting } from "@/tests/office";
import { makeUser } from "./fixtures";

/**
 * Every server action, fed arguments of the wrong type (issue 20): wrong types, missing and extra
 * arguments, `undefined`, huge strings, objects where ids go, Maps and Blobs, FormData where an
 * object is meant and the other way round, junk fields. A server action is a public endpoint
 * whatever the page binds, so each must answer a refusal — the 400 of lib/server-action.ts or the
 * use case's own 4xx (per-field 422, 403, 404, 409) — and never throw, never answer 500, never
 * succeed, never store anything.
 *
 * The actions are found by reading every "use server" file of the repository, so an action added
 * later is fuzzed too (and one that skips the argument gate fails the first test).
 *
 * Only the request scope is stood in for: who is signed in (a real user of the real database) and
 * next/cache, next/headers (there is no request). Everything below the action runs for real.
 */

const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null, action: "", revalidated: new Set<string>() }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  requireUser: async () => {
    if (!signedIn.user) throw new Error("no user in the test");
    return signedIn.user;
  },
  requestContext: async () => ({ ip: "203.0.113.20" }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => void signedIn.revalidated.add(signedIn.action),
  revalidateTag: () => {},
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.20" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
}));

const ROOT = path.resolve(import.meta.dirname, "..");

/** Every file of app/, components/ and lib/ whose first statement is "use server". */
function serverActionFiles(): string[] {
  const found: string[] = [];
  for (const top of ["app", "components", "lib"]) {
    for (const entry of fs.readdirSync(path.join(ROOT, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(fs.readFileSync(file, "utf8"))) found.push(file);
    }
  }
  return found.sort();
}

type Gated = ((...args: unknown[]) => Promise<unknown>) & { parameters?: readonly { safeParse: (v: unknown) => { success: boolean } }[] };
type Action = { name: string; fn: Gated };

// ---------------------------------------------------------------------------------------------
// What a browser (or an attacker's script) can send: anything Next's reply decoder produces.

const FIELDS = ["title", "startsAt", "endsAt", "timeZone", "to", "note", "version", "file", "locale", "kind", "approve", "identifier", "password", "currentPassword", "newPassword", "unitIds", "response", "progress", "name", "email", "role", "workUnitId", "date", "reason", "__proto__", "constructor"];
const HUGE = "x".repeat(300_000);
const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(null, undefined, Number.NaN, Infinity, -0, 2 ** 31, 2 ** 53, -1, "", " ", "\u0000", "a\r\nb", HUGE, "00000000-0000-0000-0000-000000000000", "' or 1=1 --", "2027-02-30", "true", "on"),
);
const key = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 }));
const object = fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(key, scalar, { maxKeys: 3 })), { maxKeys: 6 });
const formData = fc
  .array(fc.tuple(key, fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(HUGE, "\u0000", ""), fc.constant("blob"))), { maxLength: 6 })
  .map((entries) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v === "blob" ? new File([new Uint8Array([1, 2, 3])], "x.exe") : v);
    return f;
  });
const exotic = fc.constantFrom<unknown>(new Map([["a", 1]]), new Set([1]), new Blob(["x"]), new Uint8Array(3), [[]], { then: 1 });
const junk: fc.Arbitrary<unknown> = fc.oneof(scalar, object, fc.array(scalar, { maxLength: 4 }), formData, exotic);

/** A value that fits a declared parameter, or junk for `values` (the fields the use case checks). */
function fitting(p: NonNullable<Gated["parameters"]>[number], pool: { ids: string[] }): fc.Arbitrary<unknown> {
  if (p === arg.values) return fc.oneof(object, formData, junk);
  if (p === arg.previous) return fc.constant(null);
  if (p === arg.formData) return formData;
  if (p === arg.version) return fc.constantFrom(0, 1, 2, 3);
  if (p === arg.id || p === arg.optionalId) return fc.constantFrom(...pool.ids);
  const candidates: unknown[] = [pool.ids[0], "up", "x", "10", true, false];
  const fit = candidates.filter((c) => p.safeParse(c).success);
  return fit.length ? fc.constantFrom(...fit) : junk;
}

/** A refusal: an ActionState with ok false and a 4xx status, or nothing (void form actions). */
function refusal(result: unknown): string | null {
  if (result === undefined || result === null) return null;
  if (typeof result !== "object") return `answered ${typeof result}`;
  const r = result as { ok?: unknown; status?: unknown; result?: unknown };
  if ("result" in r) return r.result === "match" ? "matched a document" : null; // the public document check
  if (r.ok !== false) return `succeeded: ${show([result]).slice(0, 200)}`;
  if (typeof r.status !== "number" || r.status < 400 || r.status >= 500) return `status ${String(r.status)}: ${show([result]).slice(0, 200)}`;
  return null;
}

describe("every server action refuses arguments of the wrong type: 4xx values, no 500, nothing stored", { timeout: 600_000 }, () => {
  const actions: Action[] = [];
  let people: CurrentUser[] = [];
  let pool: { ids: string[] };
  let footprint: () => Promise<unknown>;

  beforeAll(async () => {
    for (const file of serverActionFiles()) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) actions.push({ name: `${path.relative(ROOT, file)} ${name}`, fn: fn as Gated });
    }
    const o = await office();
    const admin = await makeUser("admin", o.division.id);
    const meeting = await publishedMeeting(o);
    const item = await insertItem({ workUnitId: o.unitA.id, picUserId: o.participantA.id, meetingId: meeting.id });
    people = [o.secretariat, admin, o.head, o.participantA];
    const ids = [o.division.id, o.unitA.id, ...people.map((u) => u.id)];
    const ms = [meeting.id];
    const [agenda, speakers, invitations] = await Promise.all([
      rows<{ id: string }>(sql`select id from agenda_items where meeting_id = ${meeting.id}`),
      rows<{ id: string }>(sql`select id from speakers where meeting_id = ${meeting.id}`),
      rows<{ id: string }>(sql`select id from invitations where meeting_id = ${meeting.id}`),
    ]);
    pool = { ids: [meeting.id, item.id, ...agenda.map((r) => r.id), ...speakers.map((r) => r.id), ...invitations.map((r) => r.id), ...ids, "7d0f9a1e-2b3c-4d5e-8f90-123456789abc"] };
    const units = [o.division.id, o.unitA.id, o.unitB.id];
    const who = people.map((u) => u.id);
    footprint = async () =>
      rows(sql`select
        (select count(*) from audit_logs where actor_id in ${who}) as audit,
        (select count(*) || ':' || coalesce(sum(version), 0) from meetings where id in ${ms} or organizer_unit_id in ${units} or created_by in ${who}) as meetings,
        (select count(*) || ':' || coalesce(sum(version), 0) from agenda_items where meeting_id in ${ms}) as agenda_items,
        (select count(*) || ':' || coalesce(sum(version), 0) from speakers where meeting_id in ${ms}) as speakers,
        (select count(*) || ':' || coalesce(sum(version), 0) from invitations where meeting_id in ${ms}) as invitations,
        (select count(*) from attendances where meeting_id in ${ms}) as attendances,
        (select count(*) from minutes where meeting_id in ${ms}) as minutes,
        (select count(*) from decisions where meeting_id in ${ms}) as decisions,
        (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(progress), 0) from action_items where work_unit_id in ${units}) as action_items,
        (select count(*) from action_item_updates where author_id in ${who}) as updates,
        (select count(*) || ':' || count(revoked_at) from api_tokens where user_id in ${who}) as tokens,
        (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(session_version), 0) from users where id in ${who} or work_unit_id in ${units}) as users,
        (select count(*) || ':' || coalesce(sum(version), 0) from work_units where id in ${units} or parent_id in ${units}) as units`);
  });

  it("finds the actions of every \"use server\" file, and every one declares its parameters (lib/server-action.ts)", () => {
    expect(actions.length).toBeGreaterThan(60);
    const ungated = actions.filter((a) => typeof a.fn !== "function" || !Array.isArray(a.fn.parameters)).map((a) => a.name);
    expect(ungated, "exported without serverAction([...], …)").toEqual([]);
  });

  it("answers every malformed call with a refusal and stores nothing", async () => {
    // Each refusal is logged as a warning (its type, never its content): thousands here.
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = await footprint();
    const problems: string[] = [];
    let calls = 0;
    const call = async (a: Action, args: unknown[], user: CurrentUser) => {
      signedIn.user = user;
      signedIn.action = a.name;
      calls++;
      let result: unknown;
      try {
        result = await a.fn(...args);
      } catch (e) {
        // Any FormData is a valid call of the e-mail choice, which then goes back to its form (a redirect).
        if (a.name.endsWith(" saveEmailPreferencesAction") && args[0] instanceof FormData && e instanceof Error && e.message === "NEXT_REDIRECT") return;
        problems.push(`${a.name} threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 160)}` : String(e)} for ${show(args)}`);
        return;
      }
      const problem = refusal(result);
      if (problem) problems.push(`${a.name} ${problem} for ${show(args)}`);
    };
    // Actions without parameters (regenerate my calendar link, run reminders) have no argument to get wrong.
    for (const a of actions.filter((x) => x.fn.parameters!.length > 0)) {
      const params = a.fn.parameters!;
      // 1. Deterministic: nothing at all, undefined everywhere, a huge string and an object everywhere, FormData everywhere.
      for (const args of [[], params.map(() => undefined), params.map(() => HUGE), params.map(() => ({ id: 1 })), params.map(() => new FormData()), params.map(() => 2 ** 31)]) {
        await call(a, args, people[0]!);
      }
      // 2. Every parameter fitting but one, which is junk (the others reach as deep as they can: real ids, plausible versions).
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...people),
          fc.nat({ max: params.length - 1 }),
          fc.tuple(...params.map((p) => fitting(p, pool))),
          junk,
          fc.array(junk, { maxLength: 2 }),
          async (user, wrong, fitted, bad, extra) => {
            const args = [...fitted];
            if (params[wrong] !== arg.values && params[wrong] !== arg.previous) args[wrong] = bad;
            await call(a, [...args, ...extra], user);
          },
        ),
        { numRuns: 25, seed: 20 },
      );
      // 3. Everything junk, any number of arguments.
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...people), fc.array(junk, { maxLength: params.length + 2 }), async (user, args) => call(a, args, user)),
        { numRuns: 10, seed: 20 },
      );
    }
    // The first three problems of each action, shortened.
    const perAction = new Map<string, string[]>();
    for (const p of problems) perAction.set(p.split(" ").slice(0, 2).join(" "), [...(perAction.get(p.split(" ").slice(0, 2).join(" ")) ?? []), p]);
    const shown = [...perAction.values()].flatMap((list) => list.slice(0, 3).map((p) => p.slice(0, 400)));
    expect(shown).toEqual([]);
    expect(calls).toBeGreaterThan(2000);
    // Revalidating is what an action does after a success. Any FormData is a valid call of two plain
    // form actions ("mark all read"; the e-mail choice, where nothing ticked means every kind off),
    // and the review form revalidates its page after a refusal too.
    const valid = ["markNotificationsReadAction", "saveEmailPreferencesAction", "recordReviewsAction"];
    expect([...signedIn.revalidated].filter((name) => !valid.some((v) => name.endsWith(` ${v}`))), "revalidated after a success").toEqual([]);
    expect(await footprint()).toEqual(before);
  });
});

function show(args: unknown[]): string {
  return args.map((v) => inspect(v, { depth: 2, maxStringLength: 30, maxArrayLength: 4, breakLength: Infinity })).join(", ");
}
