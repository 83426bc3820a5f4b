import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { ssoEnv } from "./e2e/oidc-provider";

const port = Number(process.env.E2E_PORT ?? 3100);
// Debian's Chromium where it exists (Playwright cannot download browsers here), else Playwright's own.
const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

export default defineConfig({
  testDir: "e2e",
  // CI runs two workers, the server, PostgreSQL and Chromium on two cores: a story that takes 20 s
  // on a quiet machine has taken 60 s there. Long stories set their own, longer limits.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Tests are independent (each makes its own meetings and items, or reads the seed): the two
  // workers take them one by one, not file by file. Files that share state say "serial" themselves.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A real OpenID provider (oidc-provider) on E2E_PORT + 1: the app runs with single sign-on
  // configured, the password form beside it (e2e/sso.spec.ts; every other spec signs in by password).
  globalSetup: "./e2e/global-setup.ts",
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    // Signs in each demo account once through the form; the tests start from these sessions (e2e/helpers.ts).
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    // Beside "setup", before everything else (tagged @first): the tests that need no stored session,
    // and the one that counts Malang's dashboard numbers before and after its own changes (no other
    // test may add or verify a follow-up of Malang meanwhile).
    { name: "first", grep: /@first/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", grepInvert: /@first/, use: { ...devices["Desktop Chrome"] }, dependencies: ["setup", "first"] },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), ...ssoEnv() },
  },
});
