import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

/**
 * Spectral with the `spectral:oas` ruleset (.spectral.yaml, also `npm run lint:openapi`) over the
 * generated document: no errors and no warnings.
 */
describe("the OpenAPI document under Spectral (spectral:oas)", () => {
  it("has 0 errors and 0 warnings", { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rakor-openapi-"));
    const file = path.join(dir, "openapi.json");
    fs.writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
    const cli = path.join(process.cwd(), "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
    const out = path.join(dir, "results.json");
    // Exits non-zero when there are errors: the results file is read either way.
    await promisify(execFile)(process.execPath, [cli, "lint", "--format", "json", "--output", out, "--fail-severity", "error", "-r", path.join(process.cwd(), ".spectral.yaml"), file]).catch(() => null);
    const results = JSON.parse(fs.readFileSync(out, "utf8")) as { code: string; severity: number; message: string; path: string[] }[];
    fs.rmSync(dir, { recursive: true, force: true });
    // severity 0 = error, 1 = warning.
    const problems = results.filter((r) => r.severity <= 1).map((r) => `${r.severity === 0 ? "error" : "warning"} ${r.code} at ${r.path.join(".")}: ${r.message}`);
    console.log(`[spectral] ${results.filter((r) => r.severity === 0).length} errors, ${results.filter((r) => r.severity === 1).length} warnings, ${results.length} results in all`);
    expect(problems).toEqual([]);
  });
});
