import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiRecordAttendance, apiAttendances } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const GET = apiRoute(op.listAttendances, ({ user, params }) => apiAttendances(user, uuidParam(params.id)));
export const POST = apiRoute(op.createAttendance, ({ user, params, body, request, versionIfSent }) =>
  apiRecordAttendance(user, uuidParam(params.id), body, versionIfSent(), { ip: clientIp(request.headers) }),
);
export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
