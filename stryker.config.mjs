/**
 * Mutation testing of the modules that hold the rules (`npm run test:mutation`): Stryker changes
 * one thing at a time in them (a condition, a comparison, a constant) and runs the tests that cover
 * it; a change no test notices is a rule without a test. CPU-heavy: run it on purpose, not in CI.
 * STRYKER_MUTATE narrows the files (comma-separated globs), e.g. STRYKER_MUTATE=lib/permissions.ts.
 * Report: reports/mutation/mutation.html; the score is in README.md's testing section.
 */
const mutate = process.env.STRYKER_MUTATE?.split(",") ?? [
  "lib/permissions.ts",
  "lib/scopes.ts",
  "lib/follow-ups/workflow.ts",
  "lib/meetings/lifecycle.ts",
  "lib/meetings/transition-meeting.ts",
];

const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.mts", related: true },
  mutate,
  coverageAnalysis: "perTest",
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 60_000,
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: ".stryker-tmp",
  ignorePatterns: [".data", ".next", "reports", "e2e", "test-results", "playwright-report"],
};

export default config;
