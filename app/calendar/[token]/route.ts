import { calendarFeed } from "@/lib/calendar/feed";
import { AppError } from "@/lib/errors";

/**
 * The personal subscription feed, `/calendar/<token>.ics`, for calendar apps (no session: the
 * secret token in the URL is the credential). A revoked or unknown token answers 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token: file } = await params;
  if (!file.endsWith(".ics")) return new Response("Not found", { status: 404 });
  try {
    const body = await calendarFeed(file.slice(0, -".ics".length));
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="rakor.ics"',
        "Cache-Control": "private, max-age=300",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return new Response("Not found", { status: 404 });
    throw e;
  }
}
