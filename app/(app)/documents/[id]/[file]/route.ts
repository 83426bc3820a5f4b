import { getCurrentUser } from "@/lib/auth/session";
import { isMeetingFileKind, renderMeetingFile } from "@/lib/documents/render";
import { AppError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/follow-ups/evidence";

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
    const out = await renderMeetingFile(user, id, file);
    const bytes = typeof out.body === "string" ? new TextEncoder().encode(out.body) : out.body;
    return new Response(bytes as BodyInit, {
      headers: {
        "Content-Type": out.contentType,
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": attachmentDisposition(out.fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return new Response(e.status === 404 ? "Not found" : "Forbidden", { status: e.status });
    throw e;
  }
}
