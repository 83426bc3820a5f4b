import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { officeLogo } from "@/lib/offices/settings";

/** The office's letterhead logo, for the admin page preview (admins only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  try {
    const logo = await officeLogo(user, (await params).id);
    return new Response(Buffer.from(logo.bytes) as unknown as BodyInit, {
      headers: { "Content-Type": logo.contentType, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
    });
  } catch (e) {
    if (e instanceof AppError) return new Response(e.status === 403 ? "Forbidden" : "Not found", { status: e.status === 403 ? 403 : 404 });
    throw e;
  }
}
