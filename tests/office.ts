import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db/client";
import { categories } from "@/db/schema";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { inviteUnits } from "@/lib/meetings/invitations";
import { addSpeaker } from "@/lib/meetings/speakers";
import { transitionMeeting } from "@/lib/meetings/transition-meeting";
import { instantToZonedLocal } from "@/lib/time";
import { makeDivision, makeUser, uid } from "@/tests/fixtures";

/** Test data for the agenda, calendar and document tests: a division, two units, staff and participants. */
export async function office() {
  const { division, unitA, unitB } = await makeDivision();
  const [secretariat, head, participantA, participantB] = await Promise.all([
    makeUser("secretariat", division.id, { name: `Sekretariat ${uid()}` }),
    makeUser("head", division.id, { name: `Kepala Divisi ${uid()}` }),
    makeUser("participant", unitA.id, { name: `Peserta A ${uid()}` }),
    makeUser("participant", unitB.id, { name: `Peserta B ${uid()}` }),
  ]);
  return { division, unitA, unitB, secretariat, head, participantA, participantB };
}
export type Office = Awaited<ReturnType<typeof office>>;

let counter = 0;
/** A distinct day far in the future per call, so room and chair conflicts never meet. */
export function futureSlot(hours = 3) {
  const start = new Date(Date.UTC(2033, 0, 1, 2) + (Math.floor(Math.random() * 4000) + counter++) * 86_400_000);
  return { start, end: new Date(start.getTime() + hours * 3_600_000) };
}

/**
 * A published meeting through the meetings use cases: agenda of three items, two speakers,
 * the given units invited. `start` defaults to a free future day.
 */
export async function publishedMeeting(o: Office, opts: { units?: string[]; start?: Date; end?: Date; title?: string; onlineUrl?: string } = {}) {
  const slot = futureSlot();
  const start = opts.start ?? slot.start;
  const end = opts.end ?? new Date(start.getTime() + 3 * 3_600_000);
  const { meeting } = await createMeeting(o.secretariat, {
    title: opts.title ?? `Rakor Pelayanan Publik ${uid()}`,
    topic: "Peningkatan pelayanan publik",
    kind: "rakor",
    startsAt: instantToZonedLocal(start, "Asia/Jakarta"),
    endsAt: instantToZonedLocal(end, "Asia/Jakarta"),
    timeZone: "Asia/Jakarta",
    location: `Aula Kanwil ${uid()}`,
    onlineUrl: opts.onlineUrl ?? "https://zoom.us/j/123456789",
    organizerUnitId: o.division.id,
    chairUserId: o.head.id,
    acknowledgeConflicts: "on",
  });
  await inviteUnits(o.secretariat, meeting.id, { unitIds: opts.units ?? [o.unitA.id, o.unitB.id] });
  await addSpeaker(o.secretariat, meeting.id, { userId: o.head.id, role: "opening_remarks", onBehalfOf: "Kepala Kantor Wilayah", acknowledgeConflicts: "on" });
  await addSpeaker(o.secretariat, meeting.id, { name: "Agus Widiyarta", position: "Kepala Perwakilan", organization: "Ombudsman RI Jawa Timur", role: "resource_person" });
  await addAgendaItem(o.secretariat, meeting.id, { title: "Pembukaan", durationMinutes: 30 });
  await addAgendaItem(o.secretariat, meeting.id, { title: "Paparan data pengaduan", durationMinutes: 90 });
  await addAgendaItem(o.secretariat, meeting.id, { title: "Diskusi dan penutup", durationMinutes: 60 });
  return transitionMeeting(o.secretariat, meeting.id, meeting.version, { to: "publish" });
}

/** A follow-up category (the seeded ones when present). */
export async function someCategory() {
  const [found] = await db.select().from(categories).orderBy(asc(categories.sortOrder)).limit(1);
  if (found) return found;
  const code = `T-${uid()}`;
  const [row] = await db.insert(categories).values({ code, nameId: `Kategori ${code}`, nameEn: `Category ${code}` }).returning();
  return row!;
}
