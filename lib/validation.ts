import type { z } from "zod";
import { ValidationError, zodFieldErrors } from "./errors";

/** Parses with the shared schema; every invalid field is reported, not only the first. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error.issues));
  return parsed.data;
}
