import { notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { getMeeting } from "@/lib/meetings/get-meeting";

/** For the meeting's pages: its detail, or the 404 page for a meeting the user may not see. */
export async function getMeetingOr404(user: CurrentUser, id: string, opts: Parameters<typeof getMeeting>[2] = { attendance: { cursor: null } }) {
  return getMeeting(user, id, opts).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
}
