import { startOidcProvider } from "./oidc-provider";

/** The OpenID provider the app's SSO points at (e2e/sso.spec.ts), for the whole run. */
export default async function globalSetup() {
  const server = await startOidcProvider();
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
