import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiAttendanceSummary } from "@/lib/api/meetings";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(op.attendanceSummary, ({ user, params }) => apiAttendanceSummary(user, uuidParam(params.id)));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
