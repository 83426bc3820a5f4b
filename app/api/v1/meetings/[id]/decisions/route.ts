import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { uuidParam } from "@/lib/api/params";
import { clientIp } from "@/lib/auth/request-ip";
import { addDecision } from "@/lib/meetings/minutes";

export const POST = apiRoute(op.createDecision, async ({ user, params, body, request }) => {
  const d = await addDecision(user, uuidParam(params.id), body, { ip: clientIp(request.headers) });
  return { id: d.id, meetingId: d.meetingId, number: d.number, text: d.text, version: d.version };
});
