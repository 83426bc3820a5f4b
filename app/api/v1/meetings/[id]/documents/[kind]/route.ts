import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { isMeetingFileKind, meetingFileResponse, renderMeetingFile } from "@/lib/documents/render";
import { NotFoundError } from "@/lib/errors";

/** The same files, and the same rules (lib/documents/render.ts), as the meeting page's documents. */
export const GET = apiRoute(op.getMeetingDocument, async ({ user, params }) => {
  const id = uuidParam(params.id);
  const kind = params.kind ?? "";
  if (!isMeetingFileKind(kind)) throw new NotFoundError();
  return meetingFileResponse(await renderMeetingFile(user, id, kind));
});
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
