/** A translate function over one message dictionary (client-safe: imports no message files). */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

function lookup(dict: unknown, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** t("auth.throttled", { minutes: 5 }); a missing key falls back to `fallback`, then to the key itself. */
export function makeT(dict: unknown, fallback?: unknown): Translate {
  return (key, vars) => {
    const text = lookup(dict, key) ?? (fallback ? lookup(fallback, key) : undefined) ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}
