import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import proxy from "@/proxy";
import { ROUTE_METHODS, allowedMethods } from "@/lib/http-methods.mjs";

/**
 * Issue 20: no 500 for any method. The table of methods per path (lib/http-methods.mjs) is the
 * route files' own; the proxy answers every path × method: OPTIONS 204 with the real Allow, a
 * method the path does not answer 405 with Allow, the rest passes on. (TRACE, TRACK and CONNECT,
 * which a Fetch request cannot carry, are answered by scripts/server.mjs: tests/session-end.test.ts.)
 */
const root = path.resolve(import.meta.dirname, "..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "MKCOL", "FOO"];
const ID = "5f0c4a2e-1b2c-4d3e-8f9a-0b1c2d3e4f5a";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

describe("methods per path", () => {
  it("the table names every route file with the methods it exports", () => {
    const fromFiles = routeFiles(path.join(root, "app"))
      .map((file) => {
        const route = `/${path.relative(path.join(root, "app"), path.dirname(file))}`
          .split("/")
          .filter((seg) => !/^\(.*\)$/.test(seg))
          .map((seg) => seg.replace(/^\[(\w+)\]$/, "{$1}"))
          .join("/");
        const text = fs.readFileSync(file, "utf8");
        const declared = /methodNotAllowed\("([^"]+)"\)/.exec(text)?.[1];
        const exported = [...text.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b|export const \{ ([A-Z, ]+) \} = handlers/g)].flatMap((m) =>
          (m[1] ?? m[2]!).split(/,\s*/),
        );
        return [route, declared ?? exported.join(", ")] as const;
      })
      // Auth.js's catch-all, and /api/v1's (any other path: 404 to every method, allowedMethods' fallback).
      .filter(([route]) => !route.startsWith("/api/auth/") && route !== "/api/v1/[[...path]]");
    const norm = (list: readonly (readonly [string, string])[]) => list.map(([p, m]) => `${p} ${m.split(", ").sort().join(",")}`).sort();
    expect(norm(ROUTE_METHODS)).toEqual(norm(fromFiles));
  });

  it("answers every path × method without a 5xx: OPTIONS lists Allow, a method the path does not answer is 405", async () => {
    const paths = [...ROUTE_METHODS.map(([p]) => p.replace(/\{\w+\}/g, ID)), "/", "/meetings", `/meetings/${ID}`, "/login", "/api/auth/signout", "/api/v1/nothing-here"];
    let checked = 0;
    for (const p of paths) {
      for (const method of METHODS) {
        const request = new NextRequest(`http://rakor.test${p}`, { method, headers: { cookie: "authjs.session-token=x", ...(method === "GET" || method === "HEAD" ? {} : { "content-length": "0" }) } });
        const r = await proxy(request);
        checked++;
        const allow = allowedMethods(p);
        expect(r.status, `${method} ${p}`).toBeLessThan(500);
        if (method === "OPTIONS") {
          expect(r.status).toBe(204);
          expect(r.headers.get("allow")).toBe(allow);
        } else if (!allow.split(", ").includes(method)) {
          expect(r.status, `${method} ${p}`).toBe(405);
          expect(r.headers.get("allow")).toBe(allow);
          if (p.startsWith("/api/")) expect(r.headers.get("content-type")).toContain("application/problem+json");
        } else {
          expect(r.status, `${method} ${p}`).not.toBe(405);
        }
      }
    }
    expect(checked).toBe(paths.length * METHODS.length);
    expect(allowedMethods("/api/v1/meetings/x")).toBe("GET, HEAD, PATCH, DELETE, OPTIONS");
    expect(allowedMethods("/meetings/x")).toBe("GET, HEAD, POST, OPTIONS");
    expect(allowedMethods("/api/v1/nothing/here")).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  });

  it("refuses a server action from another site with 403, one whose body Next cannot decode with 400, and lets this site's through", async () => {
    const action = (origin: string, body = "[]") =>
      proxy(new NextRequest("http://rakor.test/meetings", { method: "POST", body, headers: { "next-action": "abc", origin, host: "rakor.test", cookie: "authjs.session-token=x", "content-type": "text/plain;charset=UTF-8" } }));
    expect((await action("https://evil.example")).status).toBe(403);
    expect((await action("null")).status).toBe(403);
    expect((await action("http://rakor.test")).status).toBe(200);
    expect((await action("http://rakor.test", '["a",{"b":"$undefined"},"$D2031-01-01T00:00:00.000Z"]')).status).toBe(200);
    for (const body of ["", "garbage{", '"$undefined"', '{"a":1}', '["$Q9"]', '["$F1"]', '[["$@2"]]', '["$Zz"]']) {
      expect((await action("http://rakor.test", body)).status, body).toBe(400);
    }
  });
});
