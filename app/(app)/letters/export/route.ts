import { getCurrentUser } from "@/lib/auth/session";
import { registerXlsx } from "@/lib/documents/letters";
import { AppError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/follow-ups/evidence";

/** The letter register of an office and year as XLSX (staff of that office, admins). */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const url = new URL(request.url);
  const office = url.searchParams.get("office") ?? "";
  const year = Number(url.searchParams.get("year"));
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return new Response("Bad request", { status: 400 });
  try {
    const bytes = await registerXlsx(user, office, year);
    return new Response(bytes as BodyInit, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": attachmentDisposition(`buku-agenda-surat-keluar-${year}.xlsx`),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return new Response(e.status === 404 ? "Not found" : "Forbidden", { status: e.status });
    throw e;
  }
}
