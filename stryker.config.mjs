/**
 * Mutation testing of the modules that hold the rules (`npm run test:mutation`): Stryker changes
 * one thing at a time in them (a condition, a comparison, a constant) and runs the tests that cover
 * it; a change no test notices is a rule without a test. The rules mutated here are the pure ones
 * (the policy, the meeting lifecycle, the follow-up workflow table, letter numbering, parsing
 * with the shared schemas and the input primitives, time in the three zones, keyset pagination),
 * judged by the database-free tests of vitest.mutation.config.mts (≈ 7 minutes at concurrency 2;
 * run it with `nice -n 10` on a shared machine). Their SQL twins and the summary triggers are
 * checked by the database tests of `npm run test:unit` (recounts, scope tests), not by Stryker.
 * STRYKER_MUTATE narrows the files (comma-separated globs), e.g. STRYKER_MUTATE=lib/permissions.ts.
 * Report: reports/mutation/mutation.html (not committed); the score is in README.md's testing section.
 */
const mutate = process.env.STRYKER_MUTATE?.split(",") ?? [
  "lib/permissions.ts",
  "lib/meetings/lifecycle.ts",
  // The workflow's table and who may take which step (the rest of the file is the use case).
  "lib/follow-ups/workflow.ts:35-52",
  // Letter numbering: formatLetterNumber.
  "lib/offices/schemas.ts:87-90",
  "lib/validation.ts",
  "lib/input.ts",
  "lib/time.ts",
  "lib/pagination.ts",
];

const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate,
  coverageAnalysis: "perTest",
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 85, low: 70, break: 85 },
  tempDirName: ".stryker-tmp",
  ignorePatterns: [".data", ".next", "reports", "e2e", "test-results", "playwright-report", ".stryker-tmp"],
};

export default config;
