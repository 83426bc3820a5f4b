// Plain JavaScript so that scripts/start.mjs shares it; typed by secret-file.d.mts.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * AUTH_SECRET, or — so a newcomer sets nothing — a random secret generated on first start and
 * kept in .data/auth-secret (git-ignored). Several instances in production must share AUTH_SECRET.
 */
/** @returns {string} */
export function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.AUTH_SECRET_FILE ?? ".data/auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing) return existing;
  } catch {
    /* not there yet */
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}
