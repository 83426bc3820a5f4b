import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

/**
 * The auth endpoint answers on the origin the browser used, also for a loopback address (a
 * NextRequest rewrites 127.0.0.1 to "localhost"; an SSO callback must keep the redirect_uri of its
 * authorization request).
 */
describe("the auth endpoint's origin", () => {
  it("keeps 127.0.0.1 in what it answers, for GET and for a form POST", async () => {
    const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
    const providers = await GET(new NextRequest("http://127.0.0.1:3999/api/auth/providers", { headers: { host: "127.0.0.1:3999" } }));
    expect(providers.status).toBe(200);
    expect(JSON.stringify(await providers.json())).toContain("http://127.0.0.1:3999/api/auth/callback/credentials");

    // A credentials post without a CSRF token: Auth.js refuses it with a redirect on the same origin.
    const post = await POST(
      new NextRequest("http://127.0.0.1:3999/api/auth/callback/credentials", {
        method: "POST",
        headers: { host: "127.0.0.1:3999", "content-type": "application/x-www-form-urlencoded" },
        body: "identifier=nobody%40rakor.test&password=salah",
      }),
    );
    expect(post.status).toBeLessThan(500);
    const location = post.headers.get("location") ?? "";
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:3999\//);
  });
});
