import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notifications } from "@/db/schema";
import { makeUnit, makeUser } from "@/tests/fixtures";
import { countUnread, listNotifications, markNotificationsRead } from "./list";
import { notify, recipients } from "./notify";

describe("in-app notifications", () => {
  it("counts unread, marks only the user's own read, and never notifies twice for one key", async () => {
    const unit = await makeUnit();
    const a = await makeUser("participant", unit.id);
    const b = await makeUser("participant", unit.id);
    const payload = { itemId: "00000000-0000-0000-0000-000000000000", title: "Uji" };
    const key = `test:${a.id}`;
    expect(await db.transaction((tx) => notify(tx, { to: recipients.unitActors(unit.id), kind: "assigned", payload, dedupeKey: key }))).toBe(2);
    expect(await db.transaction((tx) => notify(tx, { to: recipients.unitActors(unit.id), kind: "assigned", payload, dedupeKey: key }))).toBe(0);
    expect(await countUnread(a.id)).toBe(1);
    const [other] = (await listNotifications(b)).items;
    expect(await markNotificationsRead(a, [other!.id])).toBe(0);
    expect(await countUnread(b.id)).toBe(1);
    expect(await markNotificationsRead(a, "all")).toBe(1);
    expect(await countUnread(a.id)).toBe(0);
    await db.insert(notifications).values({ userId: a.id, kind: "verified", payload });
    expect(await countUnread(a.id)).toBe(1);
  });
});
