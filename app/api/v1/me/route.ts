import { problem } from "@/lib/api/problem";
import { getCurrentUser } from "@/lib/auth/session";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in or send a bearer token.");
  return Response.json({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    position: user.position,
    workUnitId: user.workUnitId,
    workUnitName: user.workUnitName,
  });
}
