import type { Server } from "node:http";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider for the SSO tests (the `oidc-provider` package with its
 * development interactions: a "Sign-in" form that takes any login and password, then a consent
 * "Continue"). The login typed is the person's NIP: the provider vouches for that NIP, a name
 * and an e-mail address derived from it.
 */
export const OIDC_CLIENT = { id: "rakor-e2e", secret: "rakor-e2e-secret", name: "Kemenkumham" } as const;

export const e2ePorts = () => {
  const app = Number(process.env.E2E_PORT ?? 3100);
  return { app, oidc: Number(process.env.E2E_OIDC_PORT ?? app + 1) };
};

/** The SSO settings the e2e app server runs with (playwright.config.ts). */
export function ssoEnv(): Record<string, string> {
  return {
    SSO_ISSUER: `http://127.0.0.1:${e2ePorts().oidc}`,
    SSO_CLIENT_ID: OIDC_CLIENT.id,
    SSO_CLIENT_SECRET: OIDC_CLIENT.secret,
    SSO_NAME: OIDC_CLIENT.name,
    SSO_NIP_CLAIM: "nip",
    SSO_EMAIL_CLAIM: "email",
  };
}

export async function startOidcProvider(): Promise<Server> {
  const { app, oidc } = e2ePorts();
  const origin = `http://127.0.0.1:${app}`;
  const provider = new Provider(`http://127.0.0.1:${oidc}`, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${origin}/api/auth/callback/sso`],
        post_logout_redirect_uris: [`${origin}/login`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email"], profile: ["name", "nip"] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, nip: id, name: `Pegawai SSO ${id.slice(-4)}`, email: `sso.${id}@sso.test` };
        },
      };
    },
  });
  const server = provider.listen(oidc);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return server;
}
