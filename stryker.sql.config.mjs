import base from "./stryker.config.mjs";

/**
 * Mutation testing of the policy's SQL twins (lib/scopes.ts: which meetings, units and follow-ups
 * a user's lists hold), judged by the database tests that compare each scope with the policy
 * (vitest.mutation-sql.config.mts). The second half of `npm run test:mutation`; slower per mutant
 * (a real database), so its own run. DATABASE_URL is ignored: an in-memory PGlite per run.
 */
const config = {
  ...base,
  vitest: { configFile: "vitest.mutation-sql.config.mts" },
  mutate: process.env.STRYKER_MUTATE?.split(",") ?? ["lib/scopes.ts"],
  timeoutMS: 120_000,
  htmlReporter: { fileName: "reports/mutation/sql.html" },
  jsonReporter: { fileName: "reports/mutation/sql.json" },
  tempDirName: ".stryker-tmp-sql",
};

export default config;
