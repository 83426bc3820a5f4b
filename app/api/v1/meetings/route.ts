import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiCreateMeeting, apiListMeetings } from "@/lib/api/meetings";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.listMeetings, ({ user, query }) => apiListMeetings(user, query));
export const POST = apiRoute(op.createMeeting, ({ user, body, request }) => apiCreateMeeting(user, body, { ip: clientIp(request.headers) }));
export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
