import fs from "node:fs";
import path from "node:path";
import { test as setup } from "@playwright/test";
import { ACCOUNTS, authFile, signIn } from "./helpers";

/**
 * Signs in each demo account once, through the real form, and keeps its cookies: the tests start
 * from these sessions instead of signing in again (tests that check signing in still use the form).
 * No test ends a demo account's session (sign-out and password changes use accounts of their own).
 */
setup("sign in the demo accounts", async ({ browser }) => {
  // Five sign-ins at once (argon2 each) and their first pages: on a loaded machine this takes
  // longer than one test's usual minute.
  setup.setTimeout(180_000);
  fs.mkdirSync(path.dirname(authFile(ACCOUNTS.admin)), { recursive: true });
  await Promise.all(
    Object.values(ACCOUNTS).map(async (account) => {
      const context = await browser.newContext();
      await signIn(await context.newPage(), account);
      await context.storageState({ path: authFile(account) });
      await context.close();
    }),
  );
});
