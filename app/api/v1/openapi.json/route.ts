import { openApiDocument } from "@/lib/api/openapi";
import { methodNotAllowed } from "@/lib/api/problem";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "no-store" } });
}
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
