import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import QRCode from "qrcode";
import { LiveScreen } from "@/components/live/live-screen";
import { getCurrentUser } from "@/lib/auth/session";
import { getScreen } from "@/lib/live/screen";
import "@/components/live/live.css";

export const metadata: Metadata = { title: "Layar ruangan" };

/**
 * The room screen for the hall's projector (issue 13): signed in as staff, or opened with a
 * revocable screen link (`?token=`). Large type, high contrast, 16:9 and 4:3.
 */
export default async function ScreenPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ token?: string }> }) {
  await connection();
  const [{ id }, { token }] = await Promise.all([params, searchParams]);
  const user = await getCurrentUser();
  const screen = await getScreen(user, id, typeof token === "string" ? token : null);
  if (screen === "login") redirect(`/login?callbackUrl=${encodeURIComponent(`/meetings/${id}/screen`)}`);
  if (!screen) notFound();
  const h = await headers();
  const url = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}/check-in/${screen.checkInCode}`;
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#000000", light: "#ffffff" } });
  const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return <LiveScreen meetingId={id} initial={screen.initial} token={typeof token === "string" ? token : undefined} qr={qr} checkInUrl={url} />;
}
