import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { controlCharProblem } from "@/lib/input";
import { loginFieldErrors } from "./login-rules";
import { loginSchema } from "./schemas";

/** The field errors the server's schema finds (first message per field). */
function serverErrors(values: { identifier: string; password: string }) {
  const parsed = loginSchema.safeParse(values);
  const out: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

describe("the sign-in form's browser rules and the server's schema", () => {
  it("refuse the same things: the browser never refuses what the server accepts, and only control characters are left to the server", () => {
    const text = fc.oneof(fc.string({ maxLength: 5 }), fc.string({ minLength: 195, maxLength: 205 }), fc.constantFrom("", " ", "  \t ", "nip\u0000", "a\nb"));
    fc.assert(
      fc.property(text, text, (identifier, password) => {
        const browser = loginFieldErrors({ identifier, password });
        const server = serverErrors({ identifier, password });
        for (const field of ["identifier", "password"] as const) {
          if (browser[field]) expect(server[field], field).toBe(browser[field]);
          else if (server[field]) expect(field === "identifier" && controlCharProblem(identifier.trim())).toBeTruthy();
        }
      }),
      { numRuns: 500 },
    );
  });

  it("names what is missing or too long", () => {
    expect(loginFieldErrors({ identifier: "  ", password: "" })).toEqual({ identifier: "errors.required", password: "errors.required" });
    expect(loginFieldErrors({ identifier: "x".repeat(201), password: "x".repeat(201) })).toEqual({ identifier: "errors.textTooLong", password: "errors.invalid" });
    expect(loginFieldErrors({ identifier: "198001012005011001", password: "rahasia" })).toEqual({});
  });
});
