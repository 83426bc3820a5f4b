import { getCurrentUser } from "@/lib/auth/session";
import { letterFile } from "@/lib/documents/letters";
import { meetingFileResponse } from "@/lib/documents/render";
import { AppError } from "@/lib/errors";

/** An issued letter: the bytes stored when it was issued (whoever may see the meeting). */
export async function GET(_request: Request, { params }: { params: Promise<{ letterId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { letterId } = await params;
  try {
    const out = await letterFile(user, letterId);
    return meetingFileResponse({ body: out.body, contentType: out.contentType, fileName: out.fileName });
  } catch (e) {
    if (e instanceof AppError) return new Response(e.status === 404 ? "Not found" : "Forbidden", { status: e.status });
    throw e;
  }
}
