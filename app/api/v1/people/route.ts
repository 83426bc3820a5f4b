import { apiRoute } from "@/lib/api/handler";
import { operations as op } from "@/lib/api/operations";
import { apiPeople } from "@/lib/api/people";
import { methodNotAllowed } from "@/lib/api/problem";

export const GET = apiRoute(op.listPeople, ({ user, query }) => apiPeople(user, query));
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
