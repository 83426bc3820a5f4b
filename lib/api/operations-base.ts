import { z } from "zod";

/**
 * `?limit=` (max 100) and an opaque keyset `cursor` from a page's `nextCursor` or `prevCursor`
 * (lib/pagination.ts): it is bound to the list's filters and limit, another one is a 400.
 */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
