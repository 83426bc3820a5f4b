import { describe, expect, it } from "vitest";
import { makeT } from "@/lib/i18n/make-t";
import { messages } from "@/messages";
import { answerKey, myStatus } from "./my-status";

const t = makeT(messages.id);
const now = new Date("2026-03-10T06:00:00Z");
const ended = new Date("2026-03-10T05:00:00Z");
const later = new Date("2026-03-10T08:00:00Z");

/** What the card shows for the unit: one line, never "Belum menjawab" above "tercatat hadir". */
function cardText(m: Parameters<typeof myStatus>[0]) {
  const s = myStatus(m, now);
  if (s.kind === "attended") return [t("meetings.page.checkedIn", { at: "03.07 WIB" })];
  if (s.kind === "answer") return [t(answerKey(s))];
  return [t("agenda.notInvited")];
}

describe("a participant's meeting card after the meeting", () => {
  it("shows only that they attended when they checked in, though the unit never answered", () => {
    const text = cardText({ status: "completed", endsAt: ended, response: "pending", checkedInAt: new Date("2026-03-09T20:07:00Z") });
    expect(text).toEqual(["Anda tercatat hadir pukul 03.07 WIB."]);
    expect(text.join(" ")).not.toContain("Belum menjawab");
  });
  it("says 'Tidak menjawab' once the meeting is over and nobody answered or came", () => {
    expect(cardText({ status: "completed", endsAt: ended, response: "pending", checkedInAt: null })).toEqual(["Tidak menjawab"]);
    expect(cardText({ status: "scheduled", endsAt: ended, response: "pending", checkedInAt: null })).toEqual(["Tidak menjawab"]);
  });
  it("keeps 'Belum menjawab' while the answer can still be given, and a given answer as it is", () => {
    expect(cardText({ status: "scheduled", endsAt: later, response: "pending", checkedInAt: null })).toEqual(["Belum menjawab"]);
    expect(cardText({ status: "completed", endsAt: ended, response: "declined", checkedInAt: null })).toEqual(["Tidak dapat hadir"]);
  });
});
