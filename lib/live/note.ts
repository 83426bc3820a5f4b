import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agendaItems, minutes } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { NotFoundError, ValidationError, orConflict } from "@/lib/errors";
import type { Ctx } from "@/lib/meetings/create-meeting";
import { parseInput } from "@/lib/validation";
import { requireMeeting } from "@/lib/meetings/access";
import { publishLive } from "./publish";
import { itemNoteSchema } from "./schemas";

const currentItem = async (id: string) => (await db.select().from(agendaItems).where(eq(agendaItems.id, id)))[0] ?? null;

/**
 * The item's pembahasan (issue 23): one text per agenda item, versioned with the item, written in
 * the console while the item runs or in the minutes editor afterwards by whoever writes the
 * minutes (not for a draft or cancelled meeting; refused once the minutes are final). The minutes
 * pages and the notulen PDF show it under the item. While the meeting runs, a live event follows.
 */
export async function saveItemNote(user: CurrentUser, meetingId: string, itemId: string, version: number, input: unknown, ctx: Ctx = {}) {
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) throw new NotFoundError();
  const item = await currentItem(itemId);
  if (!item || item.meetingId !== meetingId) throw new NotFoundError();
  const m = await requireMeeting(user, item.meetingId, "minutes.write");
  if (m.status === "draft" || m.status === "cancelled") throw new ValidationError({ _form: ["meetings.errors.minutesNotYet"] }, "meetings.errors.minutesNotYet");
  const { note } = parseInput(itemNoteSchema, input);
  const [final] = await db.select({ at: minutes.finalizedAt }).from(minutes).where(eq(minutes.meetingId, item.meetingId));
  if (final?.at) throw new ValidationError({ _form: ["meetings.errors.minutesFinalized"] }, "meetings.errors.minutesFinalized");
  return orConflict(
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(agendaItems)
        .set({ liveNote: note, version: sql`${agendaItems.version} + 1`, updatedAt: new Date() })
        .where(and(eq(agendaItems.id, itemId), eq(agendaItems.version, version)))
        .returning();
      if (!row) return null;
      await audit(tx, { actorId: user.id, ip: ctx.ip }, "live.item_note", "meeting", item.meetingId, { agendaItemId: itemId, liveNote: [item.liveNote, note] });
      if (m.status === "ongoing") await publishLive(tx, item.meetingId, "note", { kind: "note", text: item.title });
      return row;
    }),
    () => currentItem(itemId),
  );
}
