import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { LiveConsole } from "@/components/live/live-console";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { getConsole } from "@/lib/live/console";
import "@/components/live/live.css";
import * as A from "./actions";

export const metadata: Metadata = { title: "Konsol rapat" };

/** The secretariat's live console of an ongoing meeting (issue 13). */
export default async function LiveConsolePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireUser();
  const { id } = await params;
  const data = await getConsole(user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getT();
  if (!data.running) {
    return (
      <div className="card">
        <h1>{t("live.console.title")}</h1>
        <p>{data.meeting.title}</p>
        <Alert kind="info">{t("live.console.notOngoing")}</Alert>
        <p>
          <Link href={`/meetings/${id}`}>{t("live.console.backToMeeting")}</Link>
        </p>
      </div>
    );
  }
  return (
    <LiveConsole
      data={data}
      actions={{
        nextItem: A.nextItemAction.bind(null, id),
        callSpeaker: A.callSpeakerAction.bind(null, id),
        checkInSwitch: A.checkInSwitchAction.bind(null, id),
        saveNote: A.saveNoteAction.bind(null, id),
        unitPeople: A.unitPeopleAction.bind(null, id),
        mark: A.markAction.bind(null, id),
        issueLink: A.issueScreenLinkAction.bind(null, id),
        revokeLink: A.revokeScreenLinkAction.bind(null, id),
        queue: {
          giveFloor: A.giveFloorAction.bind(null, id),
          skip: A.skipFloorAction.bind(null, id),
          endTurn: A.endTurnAction.bind(null, id),
          settings: A.queueSettingsAction.bind(null, id),
        },
      }}
    />
  );
}
