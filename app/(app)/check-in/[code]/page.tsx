import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CheckInButton } from "@/components/meetings/check-in-button";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { checkInState, meetingForCheckIn } from "@/lib/meetings/attendance";
import { checkInWindow } from "@/lib/meetings/lifecycle";
import { checkInText } from "@/lib/meetings/check-in-text";
import { formatDateTime, formatRange } from "@/lib/time";
import { checkInAction } from "./actions";

export const metadata: Metadata = { title: "Presensi" };

/** The page behind the QR code: a participant of an invited unit confirms presence during the window. */
export default async function CheckInPage({ params }: { params: Promise<{ code: string }> }) {
  await connection();
  const user = await requireUser();
  const { code } = await params;
  const m = await meetingForCheckIn(user, code).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [t, locale] = [await getT(), await getLocale()];
  const { opensAt, closesAt } = checkInWindow(m);
  const state = await checkInState(user, m);
  const message = checkInText(t, state, m.timeZone, locale);
  return (
    <div className="card" style={{ maxWidth: 560 }}>
      <h1>{t("meetings.checkIn.title")}</h1>
      <p>{t("meetings.checkIn.intro", { title: m.title, when: formatRange(m.startsAt, m.endsAt, m.timeZone, locale) })}</p>
      <p className="muted">{t("meetings.checkIn.window", { opens: formatDateTime(opensAt, m.timeZone, locale), closes: formatDateTime(closesAt, m.timeZone, locale) })}</p>
      {message ? <Alert kind={message.tone}>{message.text}</Alert> : null}
      {state.kind === "open" ? <CheckInButton action={checkInAction.bind(null, code)} timeZone={m.timeZone} /> : null}
      <p>
        <Link href={`/meetings/${m.id}`}>{m.title}</Link>
      </p>
    </div>
  );
}
