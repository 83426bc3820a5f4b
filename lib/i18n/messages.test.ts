import { describe, expect, it } from "vitest";
import { messages } from "@/messages";

const keys = (node: unknown, prefix = ""): string[] =>
  node && typeof node === "object"
    ? Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe("interface text", () => {
  it("has every message in both Bahasa Indonesia and English", () => {
    const id = keys(messages.id).sort();
    const en = keys(messages.en).sort();
    expect(en.filter((k) => !id.includes(k))).toEqual([]);
    expect(id.filter((k) => !en.includes(k))).toEqual([]);
  });
});
