/**
 * The methods each path answers, for proxy.ts: any other method — TRACE, CONNECT, PROPFIND, or
 * PUT on a page — is answered 405 with `Allow` before Next sees it (Next answered some with a 500),
 * and OPTIONS lists the same `Allow`. Pages take GET and POST (server actions); route handlers what
 * they export. tests/http-methods.test.ts checks this table against the route files. Plain
 * JavaScript: scripts/server.mjs uses it too (TRACE, TRACK and CONNECT never reach Next, as a Fetch
 * request cannot carry them).
 */
const ID = "[^/]+";
/** @param {string} path */
const route = (path) => new RegExp(`^${path.replace(/\{id\}|\{kind\}|\{[a-z]+\}/gi, ID)}/?$`);

/** Route handlers: the path (as in the route tree) and the methods its file exports. */
/** @type {readonly (readonly [string, string])[]} */
export const ROUTE_METHODS = [
  ["/api/v1/me", "GET"],
  ["/api/v1/tokens", "GET, POST"],
  ["/api/v1/tokens/{id}", "DELETE"],
  ["/api/v1/work-units", "GET"],
  ["/api/v1/categories", "GET"],
  ["/api/v1/openapi.json", "GET"],
  ["/api/v1/meetings", "GET, POST"],
  ["/api/v1/meetings/{id}", "GET, PATCH, DELETE"],
  ["/api/v1/meetings/{id}/transitions", "POST"],
  ["/api/v1/meetings/{id}/agenda-items", "GET, POST"],
  ["/api/v1/agenda-items/{id}", "PATCH, DELETE"],
  ["/api/v1/meetings/{id}/speakers", "GET, POST"],
  ["/api/v1/meetings/{id}/invitations", "GET, POST"],
  ["/api/v1/invitations/{id}", "PATCH, DELETE"],
  ["/api/v1/speakers/{id}", "PATCH, DELETE"],
  ["/api/v1/decisions/{id}", "PATCH, DELETE"],
  ["/api/v1/attendances/{id}", "DELETE"],
  ["/api/v1/events", "GET"],
  ["/api/v1/people", "GET"],
  ["/api/v1/webhooks", "GET, POST"],
  ["/api/v1/webhooks/{id}", "GET, DELETE"],
  ["/api/v1/webhooks/{id}/deliveries", "GET"],
  ["/api/v1/webhook-deliveries/{id}/redeliveries", "POST"],
  ["/api/v1/provisioning", "POST"],
  ["/api/v1/meetings/{id}/attendances", "GET, POST"],
  ["/api/v1/meetings/{id}/attendance-summary", "GET"],
  ["/api/v1/meetings/{id}/minutes", "GET, PUT"],
  ["/api/v1/meetings/{id}/minutes/transitions", "POST"],
  ["/api/v1/meetings/{id}/letters", "POST"],
  ["/api/v1/letters", "GET"],
  ["/api/v1/letters/{id}/pdf", "GET"],
  ["/api/v1/meetings/{id}/decisions", "POST"],
  ["/api/v1/action-items", "GET, POST"],
  ["/api/v1/action-items/{id}", "GET, PATCH"],
  ["/api/v1/action-items/{id}/updates", "GET, POST"],
  ["/api/v1/dashboard/follow-ups", "GET"],
  ["/api/v1/meetings/{id}/documents/{kind}", "GET"],
  ["/api/meetings/{id}/live", "GET"],
  ["/api/pickers/units", "GET"],
  ["/api/pickers/people", "GET"],
  ["/api/pickers/rooms", "GET"],
  ["/api/health", "GET"],
  ["/admin/offices/{id}/logo", "GET"],
  ["/follow-ups/export", "GET"],
  ["/letters/export", "GET"],
  ["/follow-ups/evidence/{fileId}", "GET"],
  ["/documents/{id}/{file}", "GET"],
  ["/documents/letter/{letterId}", "GET"],
  ["/calendar/{token}", "GET"],
];

const TABLE = ROUTE_METHODS.map(([path, methods]) => /** @type {const} */ ([route(path), methods]));

/** The methods a path answers (with HEAD beside GET, and OPTIONS), as an `Allow` value. */
/** @param {string} pathname @returns {string} */
export function allowedMethods(pathname) {
  // Auth.js: its pages (GET) and its forms (POST), under one catch-all.
  if (pathname === "/api/auth" || pathname.startsWith("/api/auth/")) return "GET, HEAD, POST, OPTIONS";
  const found = TABLE.find(([re]) => re.test(pathname));
  // Any other /api/v1 path: its catch-all answers 404 (problem+json) to every method it exports.
  // Pages answer GET and take server actions by POST.
  const methods = found ? found[1] : pathname.startsWith("/api/v1/") ? "GET, POST, PUT, PATCH, DELETE" : "GET, POST";
  const list = methods.split(", ");
  if (list.includes("GET")) list.splice(list.indexOf("GET") + 1, 0, "HEAD");
  return [...list, "OPTIONS"].join(", ");
}

/** A method the path does not answer (405), OPTIONS included as answered. */
/** @param {string} pathname @param {string} method @returns {boolean} */
export function methodAllowed(pathname, method) {
  return allowedMethods(pathname).split(", ").includes(method.toUpperCase());
}
