import { problem } from "@/lib/api/problem";

/** Any other path under /api/v1 names nothing: problem+json, never the HTML 404 page. */
const notFound = async () => problem(404, "No such API path. The document is at /api/v1/openapi.json.");
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
