import { z } from "zod";

/** `?limit=` (max 100) and an opaque `cursor` from the previous page's `nextCursor`. */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
