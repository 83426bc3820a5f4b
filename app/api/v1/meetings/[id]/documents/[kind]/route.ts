import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { isMeetingFileKind, renderMeetingFile } from "@/lib/documents/render";
import { NotFoundError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/follow-ups/evidence";

/** The same files, and the same rules (lib/documents/render.ts), as the meeting page's documents. */
export const GET = apiRoute(op.getMeetingDocument, async ({ user, params }) => {
  const id = uuidParam(params.id);
  const kind = params.kind ?? "";
  if (!isMeetingFileKind(kind)) throw new NotFoundError();
  const out = await renderMeetingFile(user, id, kind);
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
});
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
