import { getCurrentUser } from "@/lib/auth/session";
import { attachmentDisposition } from "@/lib/follow-ups/evidence";
import { exportCsv, exportXlsx } from "@/lib/follow-ups/export";
import { parseListFilters } from "@/lib/follow-ups/schemas";
import { todayIn } from "@/lib/time";

/** The filtered list as CSV (`?format=csv`) or XLSX (`?format=xlsx`), with the list's filters and visibility. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const url = new URL(request.url);
  const filters = parseListFilters(Object.fromEntries(url.searchParams));
  // The date in the reader's office zone (a UTC date is yesterday's before 07.00 WIB).
  const stamp = todayIn(user.timeZone);
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (url.searchParams.get("format") === "xlsx") {
    const body = await exportXlsx(user, filters);
    return new Response(body as BodyInit, {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": attachmentDisposition(`tindak-lanjut-${stamp}.xlsx`),
      },
    });
  }
  return new Response(await exportCsv(user, filters), {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachmentDisposition(`tindak-lanjut-${stamp}.csv`) },
  });
}
