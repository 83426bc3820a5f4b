import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import openapiTS, { astToString } from "openapi-typescript";
import { ACCOUNTS, authFile, type Account } from "./helpers";

/**
 * An integrator's client: types generated from the served /api/v1/openapi.json with
 * openapi-typescript, a scripted openapi-fetch scenario (e2e/client/scenario.ts) type-checked
 * against them — no casts, no `unknown`, no `any` — and then run against this server.
 */
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const clientDir = path.join(process.cwd(), "e2e", "client");

const isoInDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00:00+07:00`;
};

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("a client generated from the document type-checks and runs the whole rakor story", async ({ browser }) => {
  // 1. Generate the types from the document the server serves.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const doc = await (await anonymous.get("/api/v1/openapi.json")).json();
  const generated = astToString(await openapiTS(doc));
  fs.mkdirSync(path.join(clientDir, "generated"), { recursive: true });
  fs.writeFileSync(path.join(clientDir, "generated", "api.ts"), generated);
  // Every success response is typed: none is `unknown` or left without content.
  expect(generated).not.toMatch(/"application\/json": unknown/);
  expect(generated).not.toMatch(/content\?: never;\s*\};\s*\/\/ 2/);

  // 2. The scenario uses no casts, unknown or any, and type-checks against the generated types.
  const source = fs.readFileSync(path.join(clientDir, "scenario.ts"), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  expect(source).not.toMatch(/\bas\s+(const\b|[A-Za-z{[(])|<[A-Za-z]+>\s*\w|\bunknown\b|\bany\b|@ts-/);
  const tsc = path.join(process.cwd(), "node_modules", "typescript-7", "bin", "tsc");
  let output = "";
  try {
    output = execFileSync(process.execPath, [tsc, "--noEmit", "-p", path.join(clientDir, "tsconfig.json")], { encoding: "utf8" });
  } catch (e) {
    output = String((e as { stdout?: string }).stdout ?? e);
  }
  expect(output.trim(), "type errors in e2e/client/scenario.ts").toBe("");

  // 3. Run it against the server with three users' tokens.
  const tokenOf = async (email: Account) => {
    const context = await browser.newContext({ storageState: authFile(email) });
    const created = await context.request.post("/api/v1/tokens", { data: { name: `client ${email}` }, headers: { Origin: baseURL } });
    expect(created.status()).toBe(201);
    const { token } = await created.json();
    await context.close();
    return String(token);
  };
  const tokens = { secretariat: await tokenOf(ACCOUNTS.secretariat), head: await tokenOf(ACCOUNTS.head), participant: await tokenOf(ACCOUNTS.malang) };
  // Imported by a computed path: the project's type-check (which runs before any server exists,
  // so before the types are generated) must not follow it; step 2 type-checked it above.
  type Scenario = { runScenario: (base: string, tokens: { secretariat: string; head: string; participant: string }, startsAt: string, endsAt: string, dueDate: string) => Promise<Record<string, unknown> & { steps: string[] }> };
  const scenarioModule = pathToFileURL(path.join(clientDir, "scenario.ts")).href;
  const { runScenario } = (await import(scenarioModule)) as Scenario;
  const result = await runScenario(baseURL, tokens, isoInDays(50, 9), isoInDays(50, 11), isoInDays(45, 9).slice(0, 10));
  expect(result).toMatchObject({
    meetingStatus: "scheduled",
    agendaTitles: ["Pembukaan", "Paparan"],
    speakerName: "Agus Widiyarta",
    rsvp: "attending",
    attendanceStatus: "present",
    minutesVersion: 1,
    decisionNumber: 1,
    itemStatus: "verified",
    progress: 60,
    listed: true,
  });
  expect(result.steps).toEqual(expect.arrayContaining(["in_progress", "reported", "verified"]));

  // 4. The same client keeps a month in sync: ?include= for the copy, ?updatedSince= for what changed.
  type Sync = { runSync: (base: string, token: string, startsAt: string) => Promise<Record<string, unknown> & { monthCount: number; deltaCount: number }> };
  const { runSync } = (await import(scenarioModule)) as Sync;
  const sync = await runSync(baseURL, tokens.secretariat, isoInDays(80, 9));
  expect(sync).toMatchObject({
    fullHasBoth: true,
    deltaHasChanged: true,
    deltaHasUntouched: false,
    freshAgenda: ["Agenda tambahan"],
    includedParts: ["agenda", "attendances", "invitations", "minutes", "speakers"],
  });
  expect(sync.deltaCount).toBeLessThan(sync.monthCount);
});
