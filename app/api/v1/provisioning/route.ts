import { apiRoute } from "@/lib/api/handler";
import { operations } from "@/lib/api/operations";
import { methodNotAllowed } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/request-ip";
import { provisionFromApi } from "@/lib/provisioning/api";

export const POST = apiRoute(operations.provision, async ({ user, query, body, request }) =>
  provisionFromApi(user, body, query.dryRun === "false", { ip: clientIp(request.headers) }),
);
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
