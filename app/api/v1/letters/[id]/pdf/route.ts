import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiLetterPdf } from "@/lib/api/letters";
import { uuidParam } from "@/lib/api/params";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(op.getLetterPdf, ({ user, params }) => apiLetterPdf(user, uuidParam(params.id)));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
