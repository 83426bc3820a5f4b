import { getCurrentUser } from "@/lib/auth/session";
import { isMeetingFileKind, meetingFileResponse, renderMeetingFile } from "@/lib/documents/render";
import { AppError } from "@/lib/errors";

/**
 * A meeting's calendar entry, letters (PDF) and exports, generated on request. The permission of
 * each file is checked in lib/documents/render.ts: 404 when the meeting is not visible, 403 when
 * the file is not for this user.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { id, file } = await params;
  if (!isMeetingFileKind(file)) return new Response("Not found", { status: 404 });
  try {
    return meetingFileResponse(await renderMeetingFile(user, id, file));
  } catch (e) {
    if (e instanceof AppError) return new Response(e.status === 404 ? "Not found" : "Forbidden", { status: e.status });
    throw e;
  }
}
