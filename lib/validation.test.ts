import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "./errors";
import { parseInput } from "./validation";

describe("parseInput", () => {
  const schema = z.object({ title: z.string("errors.required").min(1, "errors.required"), minutes: z.coerce.number().int("errors.invalid") });

  it("returns the parsed values", () => {
    expect(parseInput(schema, { title: "Rakor", minutes: "30" })).toEqual({ title: "Rakor", minutes: 30 });
  });

  it("reports every invalid field, not only the first", () => {
    let error: unknown;
    try {
      parseInput(schema, { minutes: "1.5" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ title: ["errors.required"], minutes: ["errors.invalid"] });
    expect(() => parseInput(schema, "nonsense")).toThrow(ValidationError);
  });
});
