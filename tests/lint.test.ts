import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layering rules of eslint.config.mjs fire: each fixture in tests/lint/ (excluded from the
 * normal lint run) is linted as if it stood in the folder the rule guards.
 */
const root = path.resolve(import.meta.dirname, "..");
const fixture = (name: string) => fs.readFileSync(path.join(root, "tests/lint", name), "utf8");
let eslint: ESLint;

beforeAll(() => {
  // import/no-cycle needs files on disk (it is checked on the real cycle fixtures below).
  eslint = new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-cycle": "off" } } });
});

async function errorsOf(name: string, asPath: string, rule = "no-restricted-imports") {
  const [result] = await eslint.lintText(fixture(name), { filePath: path.join(root, asPath) });
  return result!.messages.filter((m) => m.ruleId === rule && m.severity === 2).map((m) => m.message);
}

describe("layering enforced by the linter", () => {
  it("refuses components → db", async () => {
    expect(await errorsOf("component-imports-db.tsx", "components/lint-fixture.tsx")).toEqual([expect.stringContaining("@/lib/enums")]);
  });

  it("refuses app → db", async () => {
    expect(await errorsOf("page-imports-db.tsx", "app/lint-fixture/page.tsx")).toHaveLength(1);
  });

  it("refuses next/navigation in lib", async () => {
    expect(await errorsOf("lib-imports-navigation.ts", "lib/lint-fixture.ts")).toEqual([expect.stringContaining("belong to pages")]);
  });

  it("refuses next/cache in lib", async () => {
    expect(await errorsOf("lib-imports-cache.ts", "lib/lint-fixture.ts")).toEqual([expect.stringContaining("server actions")]);
  });

  it("refuses lib → components and lib → app", async () => {
    expect(await errorsOf("lib-imports-ui.ts", "lib/lint-fixture.ts")).toHaveLength(2);
  });

  it("refuses db → lib", async () => {
    expect(await errorsOf("db-imports-lib.ts", "db/lint-fixture.ts")).toHaveLength(1);
  });

  it("accepts the allowed direction", async () => {
    expect(await errorsOf("component-ok.tsx", "components/lint-fixture.tsx")).toEqual([]);
  });

  it("enables import/no-cycle for our folders, and it finds a cycle", async () => {
    // The real configuration, fixtures not ignored: tests/** is in the no-cycle block like lib/**.
    const real = new ESLint({ cwd: root, ignore: false });
    const cfg = (await real.calculateConfigForFile(path.join(root, "lib/permissions.ts"))) as { rules: Record<string, unknown> };
    expect(cfg.rules["import/no-cycle"]).toEqual([2, expect.objectContaining({ ignoreExternal: true })]);
    const [result] = await real.lintFiles([path.join(root, "tests/lint/cycle-a.ts")]);
    expect(result!.messages.filter((m) => m.ruleId === "import/no-cycle")).toHaveLength(1);
  });
});
