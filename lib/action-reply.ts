/**
 * A server action call's body, checked before Next decodes it (proxy.ts). A browser calling an
 * action sends React's reply encoding (`encodeReply`) of the argument list: a JSON array as
 * text/plain, or as the field "0" of a multipart body whose other fields are the parts it refers to
 * ("$K1" a FormData argument whose fields are "1_…", "$Q2" a Map stored in field "2", …).
 * Next answers a body it cannot decode — not JSON, not a list, a reference to a part the body does
 * not have — with a 500. Such a body is malformed input: this names the problem so the proxy
 * answers 400 instead; a body that passes is decoded by Next and each argument is then checked by
 * the action's own gate (lib/server-action.ts).
 */

/** "$$…" (an escaped "$"), undefined, NaN, ±Infinity, -0, a date, a bigint: values, not references. */
const VALUE_TOKEN = /^\$(\$[\s\S]*|undefined|NaN|Infinity|-Infinity|-0|D[\s\S]*|n-?\d+|T[\s\S]*)$/;
/** A FormData argument: its fields are "<id>_name" (there may be none). */
const FORM_DATA_REF = /^\$K([0-9a-f]+)$/;
/** A reference to another part: Map, Set, iterator, promise, server reference, Blob, typed arrays, streams, or an outlined value. */
const PART_REF = /^\$([QWi@FBAOoUSsLlGgMmVRrXx]?)([0-9a-f]+)$/;
/** Parts holding JSON (the others are binary: Blobs and typed arrays). */
const JSON_PARTS = new Set(["", "Q", "W", "i", "@", "F", "R", "r", "X", "x"]);

const MAX_DEPTH = 64;

type Parts = { get(name: string): string | Blob | null };

/** Why the argument list of a server action call cannot be decoded, or null when it can. */
export function malformedActionReply(body: string | Parts): string | null {
  const parts: Parts = typeof body === "string" ? { get: (name) => (name === "0" ? body : null) } : body;
  const root = parts.get("0");
  if (typeof root !== "string") return "no argument list";
  const parsed = parseJson(root);
  if (!parsed.ok) return "the argument list is not JSON";
  if (!Array.isArray(parsed.value)) return "the arguments are not a list";
  const seen = new Set<string>(["0"]);
  const check = (value: unknown, depth: number): string | null => {
    if (depth > MAX_DEPTH) return "nested too deeply";
    if (typeof value === "string") return value.startsWith("$") ? reference(value, depth) : null;
    if (Array.isArray(value)) return first(value, (v) => check(v, depth + 1));
    if (value && typeof value === "object") return first(Object.values(value), (v) => check(v, depth + 1));
    return null;
  };
  const reference = (token: string, depth: number): string | null => {
    if (VALUE_TOKEN.test(token) || FORM_DATA_REF.test(token)) return null;
    const ref = PART_REF.exec(token);
    if (!ref) return `unknown reference ${token.slice(0, 20)}`;
    const name = String(Number.parseInt(ref[2]!, 16));
    const part = parts.get(name);
    if (part === null) return `a reference to part ${name}, which the body does not have`;
    if (!JSON_PARTS.has(ref[1]!) || seen.has(name)) return null;
    seen.add(name);
    if (typeof part !== "string") return `part ${name} is not JSON`;
    const inner = parseJson(part);
    return inner.ok ? check(inner.value, depth + 1) : `part ${name} is not JSON`;
  };
  return first(parsed.value, (v) => check(v, 1));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function first<T>(list: readonly T[], f: (item: T) => string | null): string | null {
  for (const item of list) {
    const problem = f(item);
    if (problem) return problem;
  }
  return null;
}
