import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiDeleteAttendance } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";

export const DELETE = apiRoute(op.deleteAttendance, ({ user, params, request, version }) => apiDeleteAttendance(user, uuidParam(params.id), version(), { ip: clientIp(request.headers) }));
export const { GET, POST, PUT, PATCH } = methodNotAllowed("DELETE");
