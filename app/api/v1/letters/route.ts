import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiLetters } from "@/lib/api/letters";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(op.listLetters, ({ user, query }) => apiLetters(user, query));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
