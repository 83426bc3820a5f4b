import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { attachmentDisposition, getEvidenceFile } from "@/lib/follow-ups/evidence";

/** Evidence download: only for users who may see the item (others get 404), always as an attachment. */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { fileId } = await params;
  try {
    const file = await getEvidenceFile(user, fileId);
    return new Response(file.data as BodyInit, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.data.byteLength),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return new Response(e.status === 404 ? "Not found" : "Forbidden", { status: e.status });
    throw e;
  }
}
