import { getCurrentUser } from "@/lib/auth/session";
import { letterFile, letterWordFile } from "@/lib/documents/letters";
import { meetingFileResponse } from "@/lib/documents/render";
import { AppError } from "@/lib/errors";

/**
 * An issued letter: the bytes stored when it was issued (whoever may see the meeting); with
 * `?format=docx` its Word copy (staff who see the meeting's records).
 */
export async function GET(request: Request, { params }: { params: Promise<{ letterId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { letterId } = await params;
  try {
    const word = new URL(request.url).searchParams.get("format") === "docx";
    const out = word ? await letterWordFile(user, letterId) : await letterFile(user, letterId);
    return meetingFileResponse({ body: out.body, contentType: out.contentType, fileName: out.fileName });
  } catch (e) {
    if (e instanceof AppError) return new Response(e.status === 404 ? "Not found" : "Forbidden", { status: e.status });
    throw e;
  }
}
