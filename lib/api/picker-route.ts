import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/types";
import { AppError, ValidationError } from "@/lib/errors";
import type { PickerOption } from "@/lib/pickers-types";
import { problem } from "./problem";

/**
 * A picker's small JSON endpoint (not part of the public /api/v1): the signed-in user's session,
 * the query string parsed by the use case, `{ items }` or a problem response.
 */
export function pickerRoute(search: (user: CurrentUser, input: unknown) => Promise<PickerOption[]>) {
  return async (request: NextRequest) => {
    const user = await getCurrentUser();
    if (!user) return problem(401, "Sign in first.");
    try {
      const items = await search(user, Object.fromEntries(request.nextUrl.searchParams.entries()));
      return Response.json({ items }, { headers: { "Cache-Control": "private, no-store" } });
    } catch (e) {
      if (e instanceof ValidationError) return problem(422, "The query has invalid parameters.", { fieldErrors: e.fieldErrors });
      if (e instanceof AppError) return problem(e.status, e.message);
      throw e;
    }
  };
}
