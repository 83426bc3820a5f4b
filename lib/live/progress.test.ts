import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { agendaItems, meetings } from "@/db/schema";
import { makeT } from "@/lib/i18n/make-t";
import { messages } from "@/messages";
import { makeDivision, makeUser, uid } from "@/tests/fixtures";
import { bannerItemLine } from "./progress";
import { startNextItem } from "./run";
import { liveState } from "./state";

const t = makeT(messages.id);
const line = (s: Parameters<typeof bannerItemLine>[0]) => t(...bannerItemLine(s));

describe("the participants' banner", () => {
  it("says the items are done after 'Akhiri acara terakhir', not that none has started", async () => {
    const { division } = await makeDivision();
    const secretariat = await makeUser("secretariat", division.id);
    const now = Date.now();
    const [m] = await db
      .insert(meetings)
      .values({ title: `Rakor banner ${uid()}`, startsAt: new Date(now - 600_000), endsAt: new Date(now + 3600_000), timeZone: "Asia/Jakarta", organizerUnitId: division.id, status: "ongoing" })
      .returning();
    await db.insert(agendaItems).values([
      { meetingId: m!.id, position: 1, title: "Pembukaan", durationMinutes: 10 },
      { meetingId: m!.id, position: 2, title: "Penutup", durationMinutes: 10 },
    ]);
    expect(line((await liveState(m!.id))!)).toBe("Belum ada acara yang dimulai.");
    let version = (await startNextItem(secretariat, m!.id, 1)).version;
    expect(line((await liveState(m!.id))!)).toBe("Acara: Pembukaan");
    version = (await startNextItem(secretariat, m!.id, version)).version;
    expect(line((await liveState(m!.id))!)).toBe("Acara: Penutup");
    await startNextItem(secretariat, m!.id, version); // "Akhiri acara terakhir"
    const after = line((await liveState(m!.id))!);
    expect(after).toBe("Seluruh acara telah selesai.");
    expect(after).not.toBe(t("live.banner.noItem"));
  });
});
