import { hash } from "@node-rs/argon2";
import { count } from "drizzle-orm";
import type { Db } from "./client";
import { DEMO_LOGO_PNG_BASE64 } from "./seed-logo";
import {
  appFlags,
  DEMO_SEEDED_FLAG,
  actionItemUpdates,
  actionItems,
  agendaItems,
  attendances,
  categories,
  decisions,
  invitations,
  meetings,
  minutes,
  officeSettings,
  letterSequences,
  rooms,
  speakers,
  users,
  workUnits,
  type ActionItemStatus,
  type NewUser,
  type NewWorkUnit,
  type Role,
} from "./schema";

export const DEMO_PASSWORD = "rakor-demo";

/** The nine obligations of UU 25/2009 on public services: the follow-up categories. */
export const CATEGORY_SEED = [
  ["standar-pelayanan", "Standar pelayanan", "Service standards"],
  ["maklumat-pelayanan", "Maklumat pelayanan", "Service charter"],
  ["sistem-informasi", "Sistem informasi pelayanan publik", "Public service information system"],
  ["sarana-prasarana", "Sarana dan prasarana / fasilitas", "Facilities"],
  ["pelayanan-khusus", "Pelayanan khusus", "Services for people with special needs"],
  ["pengelolaan-pengaduan", "Pengelolaan pengaduan", "Complaint handling"],
  ["penilaian-kinerja", "Penilaian kinerja", "Performance assessment"],
  ["visi-misi-motto", "Visi, misi dan motto pelayanan", "Vision, mission and service motto"],
  ["atribut", "Atribut", "Staff attributes and identification"],
] as const;

type UnitSeed = { code: string; name: string; kind: NewWorkUnit["kind"]; parent?: string };
const UNITS: UnitSeed[] = [
  { code: "KANWIL-JATIM", name: "Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur", kind: "regional_office" },
  { code: "DIV-ADM", name: "Divisi Administrasi", kind: "division", parent: "KANWIL-JATIM" },
  { code: "DIV-PAS", name: "Divisi Pemasyarakatan", kind: "division", parent: "KANWIL-JATIM" },
  { code: "DIV-IMI", name: "Divisi Keimigrasian", kind: "division", parent: "KANWIL-JATIM" },
  { code: "DIV-YANKUM", name: "Divisi Pelayanan Hukum dan HAM", kind: "division", parent: "KANWIL-JATIM" },
  { code: "KANIM-SBY", name: "Kantor Imigrasi Kelas I Khusus TPI Surabaya", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-TPR", name: "Kantor Imigrasi Kelas I TPI Tanjung Perak", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-MLG", name: "Kantor Imigrasi Kelas I TPI Malang", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-BLT", name: "Kantor Imigrasi Kelas II TPI Blitar", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-KDR", name: "Kantor Imigrasi Kelas II Non TPI Kediri", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-MDN", name: "Kantor Imigrasi Kelas II Non TPI Madiun", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-JBR", name: "Kantor Imigrasi Kelas II Non TPI Jember", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-PMK", name: "Kantor Imigrasi Kelas II Non TPI Pamekasan", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-PNG", name: "Kantor Imigrasi Kelas II Non TPI Ponorogo", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "KANIM-BWI", name: "Kantor Imigrasi Kelas II Non TPI Banyuwangi", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "RUDENIM-SBY", name: "Rumah Detensi Imigrasi Surabaya", kind: "technical_unit", parent: "DIV-IMI" },
  { code: "LAPAS-SBY", name: "Lembaga Pemasyarakatan Kelas I Surabaya", kind: "technical_unit", parent: "DIV-PAS" },
  { code: "RUTAN-SBY", name: "Rumah Tahanan Negara Kelas I Surabaya", kind: "technical_unit", parent: "DIV-PAS" },
];

type UserSeed = { email: string; name: string; position: string; unit: string; role: Role };
const USERS: UserSeed[] = [
  { email: "admin@rakor.test", name: "Admin Rakor", position: "Pranata Komputer Ahli Muda", unit: "DIV-ADM", role: "admin" },
  { email: "sekretariat@rakor.test", name: "Dewi Lestari", position: "Analis Keimigrasian (Sekretariat Divisi)", unit: "DIV-IMI", role: "secretariat" },
  { email: "kadiv.imigrasi@rakor.test", name: "Zakaria", position: "Kepala Divisi Keimigrasian", unit: "DIV-IMI", role: "head" },
  { email: "peserta.malang@rakor.test", name: "Rudi Hartono", position: "Kepala Seksi Lalu Lintas Keimigrasian", unit: "KANIM-MLG", role: "participant" },
  { email: "peserta.blitar@rakor.test", name: "Siti Aminah", position: "Kepala Subseksi Informasi Keimigrasian", unit: "KANIM-BLT", role: "participant" },
  { email: "kakanwil@rakor.test", name: "Susy Susilawati", position: "Kepala Kantor Wilayah", unit: "KANWIL-JATIM", role: "head" },
  { email: "kadiv.pas@rakor.test", name: "Pargiyono", position: "Kepala Divisi Pemasyarakatan", unit: "DIV-PAS", role: "head" },
  { email: "notulis@rakor.test", name: "Agung Prasetyo", position: "Pengolah Data Keimigrasian", unit: "DIV-IMI", role: "secretariat" },
  { email: "kabid.imigrasi@rakor.test", name: "Bambang Sutrisno", position: "Kepala Bidang Perizinan dan Informasi Keimigrasian", unit: "DIV-IMI", role: "secretariat" },
  { email: "kakanim.sby@rakor.test", name: "Romi Yudianto", position: "Kepala Kantor Imigrasi", unit: "KANIM-SBY", role: "participant" },
  { email: "staf.sby@rakor.test", name: "Nur Hidayati", position: "Analis Keimigrasian Ahli Pertama", unit: "KANIM-SBY", role: "participant" },
  { email: "kakanim.tpr@rakor.test", name: "Andi Wijaya", position: "Kepala Kantor Imigrasi", unit: "KANIM-TPR", role: "participant" },
  { email: "staf.tpr@rakor.test", name: "Yuliana Putri", position: "Pengelola Layanan Keimigrasian", unit: "KANIM-TPR", role: "participant" },
  { email: "kakanim.mlg@rakor.test", name: "Novianto Sulastono", position: "Kepala Kantor Imigrasi", unit: "KANIM-MLG", role: "participant" },
  { email: "staf.mlg@rakor.test", name: "Fitri Rahmawati", position: "Analis Keimigrasian Ahli Pertama", unit: "KANIM-MLG", role: "participant" },
  { email: "kakanim.blt@rakor.test", name: "Hendra Gunawan", position: "Kepala Kantor Imigrasi", unit: "KANIM-BLT", role: "participant" },
  { email: "kakanim.kdr@rakor.test", name: "Eko Prasetyo", position: "Kepala Kantor Imigrasi", unit: "KANIM-KDR", role: "participant" },
  { email: "kakanim.mdn@rakor.test", name: "Slamet Riyadi", position: "Kepala Kantor Imigrasi", unit: "KANIM-MDN", role: "participant" },
  { email: "kakanim.jbr@rakor.test", name: "Ahmad Fauzi", position: "Kepala Kantor Imigrasi", unit: "KANIM-JBR", role: "participant" },
  { email: "staf.jbr@rakor.test", name: "Rina Marlina", position: "Pengelola Layanan Keimigrasian", unit: "KANIM-JBR", role: "participant" },
  { email: "kakanim.pmk@rakor.test", name: "Moh. Syaiful", position: "Kepala Kantor Imigrasi", unit: "KANIM-PMK", role: "participant" },
  { email: "kakanim.png@rakor.test", name: "Wahyu Hidayat", position: "Kepala Kantor Imigrasi", unit: "KANIM-PNG", role: "participant" },
  { email: "kakanim.bwi@rakor.test", name: "I Made Suarsana", position: "Kepala Kantor Imigrasi", unit: "KANIM-BWI", role: "participant" },
  { email: "staf.bwi@rakor.test", name: "Dian Puspitasari", position: "Analis Keimigrasian Ahli Pertama", unit: "KANIM-BWI", role: "participant" },
  { email: "karudenim.sby@rakor.test", name: "Joko Santoso", position: "Kepala Rumah Detensi Imigrasi", unit: "RUDENIM-SBY", role: "participant" },
  { email: "staf.rudenim@rakor.test", name: "Lina Kusumawati", position: "Petugas Deteksi dan Pengamanan", unit: "RUDENIM-SBY", role: "participant" },
  { email: "kalapas.sby@rakor.test", name: "Teguh Santosa", position: "Kepala Lembaga Pemasyarakatan", unit: "LAPAS-SBY", role: "participant" },
  { email: "karutan.sby@rakor.test", name: "Heri Kurniawan", position: "Kepala Rumah Tahanan Negara", unit: "RUTAN-SBY", role: "participant" },
  { email: "kadiv.adm@rakor.test", name: "Sri Wahyuni", position: "Kepala Divisi Administrasi", unit: "DIV-ADM", role: "head" },
  { email: "kadiv.yankum@rakor.test", name: "Hajar Aswad", position: "Kepala Divisi Pelayanan Hukum dan HAM", unit: "DIV-YANKUM", role: "head" },
];

/** A plausible 18-digit NIP: birth date, appointment year+month, sex, sequence. */
function nipFor(i: number): string {
  const birth = `19${70 + (i % 25)}${String((i % 12) + 1).padStart(2, "0")}${String((i % 27) + 1).padStart(2, "0")}`;
  const appointed = `20${String((i % 15) + 1).padStart(2, "0")}${String(((i + 3) % 12) + 1).padStart(2, "0")}`;
  return `${birth}${appointed}${(i % 2) + 1}${String(i + 1).padStart(3, "0")}`;
}

const day = 24 * 60 * 60 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo office, people, rakor and follow-ups. Runs in one transaction. */
export async function seedDemo(db: Db, now = new Date()) {
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    // The login page shows the demo password only on an installation seeded with the demo data.
    await tx.insert(appFlags).values({ key: DEMO_SEEDED_FLAG, value: true }).onConflictDoNothing();
    await tx
      .insert(categories)
      .values(CATEGORY_SEED.map(([code, nameId, nameEn], i) => ({ code, nameId, nameEn, sortOrder: i + 1 })))
      .onConflictDoNothing();
    const cats = await tx.select().from(categories).orderBy(categories.sortOrder);

    const unitId = new Map<string, string>();
    for (const u of UNITS) {
      const [row] = await tx
        .insert(workUnits)
        .values({ code: u.code, name: u.name, kind: u.kind, parentId: u.parent ? unitId.get(u.parent) : null })
        .returning({ id: workUnits.id });
      unitId.set(u.code, row!.id);
    }
    const U = (code: string) => unitId.get(code)!;

    const userRows: NewUser[] = USERS.map((u, i) => ({
      email: u.email,
      name: u.name,
      position: u.position,
      role: u.role,
      workUnitId: U(u.unit),
      nip: u.email === "admin@rakor.test" ? null : nipFor(i),
      // The demo participants are their units' designated contacts (told about new follow-ups).
      unitContact: u.email === "peserta.malang@rakor.test" || u.email === "peserta.blitar@rakor.test",
      passwordHash,
    }));
    const inserted = await tx.insert(users).values(userRows).returning({ id: users.id, email: users.email });
    const userId = new Map(inserted.map((r) => [r.email, r.id]));
    const P = (email: string) => userId.get(email)!;

    // --- The regional office: letterhead, letter numbering and rooms ---
    await tx.insert(officeSettings).values({
      officeUnitId: U("KANWIL-JATIM"),
      ministryLine: "Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
      officeName: "Kantor Wilayah Jawa Timur",
      address: "Jalan Kayoon Nomor 50–52, Surabaya 60271",
      phone: "(031) 5340444",
      email: "kanwiljatim@kemenkumham.go.id",
      website: "jatim.kemenkumham.go.id",
      placeName: "Surabaya",
      logo: Buffer.from(DEMO_LOGO_PNG_BASE64, "base64"),
      logoContentType: "image/png",
      defaultSignerUserId: P("kadiv.imigrasi@rakor.test"),
      letterNumberFormat: "W15.IMI-UM.01.01-{n}/{yyyy}",
      defaultCopies: ["Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur (sebagai laporan)"],
    });
    // This year's letter register goes on from number 123 (the office's own numbering).
    await tx.insert(letterSequences).values({
      officeUnitId: U("KANWIL-JATIM"),
      classification: "W15.IMI-UM.01.01-{n}/{yyyy}",
      year: Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric" }).format(new Date())),
      next: 123,
    });
    const roomRows = await tx
      .insert(rooms)
      .values([
        { officeUnitId: U("KANWIL-JATIM"), name: "Aula Kanwil Kemenkumham Jatim", building: "Gedung Utama, lantai 3", capacity: 120 },
        { officeUnitId: U("KANWIL-JATIM"), name: "Ruang Rapat Divisi Keimigrasian", building: "Gedung Utama, lantai 2", capacity: 25 },
        { officeUnitId: U("KANWIL-JATIM"), name: "Ruang Rapat Lantai 2 Kanwil Kemenkumham Jatim", building: "Gedung Utama, lantai 2", capacity: 40 },
        { officeUnitId: U("KANWIL-JATIM"), name: "Ruang Rapat Pimpinan", building: "Gedung Utama, lantai 4", capacity: 12 },
      ])
      .returning({ id: rooms.id, name: rooms.name });
    const R = (name: string) => roomRows.find((r) => r.name === name)?.id ?? null;

    const immigrationUnits = UNITS.filter((u) => u.parent === "DIV-IMI").map((u) => u.code);

    // --- The rakor of the article: Friday 9 November 2018, Aula Kanwil, Surabaya ---
    const [article] = await tx
      .insert(meetings)
      .values({
        title: "Rakor Peningkatan Pelayanan Publik",
        topic: "Peningkatan pelayanan publik di lingkungan Divisi Keimigrasian",
        description:
          "Rapat koordinasi Divisi Keimigrasian bersama Ombudsman RI Perwakilan Jawa Timur tentang peningkatan kualitas pelayanan publik sesuai UU 25 Tahun 2009.",
        kind: "rakor",
        startsAt: new Date("2018-11-09T09:00:00+07:00"),
        endsAt: new Date("2018-11-09T12:00:00+07:00"),
        timeZone: "Asia/Jakarta",
        location: "Aula Kanwil Kemenkumham Jatim",
        roomId: R("Aula Kanwil Kemenkumham Jatim"),
        organizerUnitId: U("DIV-IMI"),
        chairUserId: P("kadiv.imigrasi@rakor.test"),
        status: "completed",
        createdBy: P("sekretariat@rakor.test"),
        updatedBy: P("sekretariat@rakor.test"),
      })
      .returning();
    const articleId = article!.id;
    const sp = await tx
      .insert(speakers)
      .values([
        {
          meetingId: articleId,
          userId: P("kadiv.imigrasi@rakor.test"),
          role: "opening_remarks",
          onBehalfOf: "Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur",
          topic: "Sambutan dan arahan peningkatan pelayanan publik",
          sortOrder: 1,
        },
        {
          meetingId: articleId,
          name: "Agus Widiyarta",
          position: "Kepala Perwakilan",
          organization: "Ombudsman RI Perwakilan Jawa Timur",
          role: "resource_person",
          topic: "Laporan masyarakat 2013–2017 dan kewajiban UU 25 Tahun 2009",
          sortOrder: 2,
        },
        { meetingId: articleId, userId: P("kabid.imigrasi@rakor.test"), role: "moderator", sortOrder: 3 },
        { meetingId: articleId, userId: P("notulis@rakor.test"), role: "minute_taker", sortOrder: 4 },
      ])
      .returning({ id: speakers.id, role: speakers.role });
    const speakerBy = (role: string) => sp.find((s) => s.role === role)?.id ?? null;
    await tx.insert(agendaItems).values([
      { meetingId: articleId, position: 1, title: "Pembukaan", durationMinutes: 10, presenterSpeakerId: speakerBy("moderator") },
      {
        meetingId: articleId,
        position: 2,
        title: "Sambutan Kepala Divisi Keimigrasian mewakili Kakanwil",
        durationMinutes: 20,
        presenterSpeakerId: speakerBy("opening_remarks"),
      },
      {
        meetingId: articleId,
        position: 3,
        title: "Paparan narasumber: Ombudsman RI Perwakilan Jawa Timur",
        description: "Indikator ketidakpuasan masyarakat: laporan 2013 (270), 2014 (336), 2015 (350), 2016 (345), 2017 (356).",
        durationMinutes: 60,
        presenterSpeakerId: speakerBy("resource_person"),
      },
      { meetingId: articleId, position: 4, title: "Diskusi dan tanya jawab", durationMinutes: 60, presenterSpeakerId: speakerBy("moderator") },
      { meetingId: articleId, position: 5, title: "Kesimpulan dan penutup", durationMinutes: 20, presenterSpeakerId: speakerBy("moderator") },
    ]);
    await tx.insert(invitations).values(
      immigrationUnits.map((code, i) => ({
        meetingId: articleId,
        workUnitId: U(code),
        response: (i % 4 === 3 ? "represented" : "attending") as "represented" | "attending",
        representedBy: i % 4 === 3 ? "Kepala Seksi Lalu Lintas Keimigrasian" : null,
        respondedAt: new Date("2018-11-06T10:00:00+07:00"),
      })),
    );
    const heads = USERS.filter((u) => immigrationUnits.includes(u.unit) && u.position.startsWith("Kepala Kantor"));
    await tx.insert(attendances).values([
      ...heads.map((u, i) => ({
        meetingId: articleId,
        userId: P(u.email),
        workUnitId: U(u.unit),
        status: (i === 3 ? "official_duty" : "present") as "official_duty" | "present",
        checkedInAt: i === 3 ? null : new Date("2018-11-09T08:45:00+07:00"),
        recordedBy: P("sekretariat@rakor.test"),
      })),
      {
        meetingId: articleId,
        userId: P("peserta.malang@rakor.test"),
        workUnitId: U("KANIM-MLG"),
        status: "present" as const,
        checkedInAt: new Date("2018-11-09T08:50:00+07:00"),
        recordedBy: P("sekretariat@rakor.test"),
      },
      {
        meetingId: articleId,
        userId: P("karudenim.sby@rakor.test"),
        workUnitId: U("RUDENIM-SBY"),
        status: "represented" as const,
        representedBy: "Lina Kusumawati, Petugas Deteksi dan Pengamanan",
        recordedBy: P("sekretariat@rakor.test"),
      },
    ]);
    await tx.insert(minutes).values({
      meetingId: articleId,
      summary:
        "Kepala Divisi Keimigrasian, mewakili Kakanwil, menegaskan bahwa pelayanan publik adalah salah satu dari 8 area perubahan reformasi birokrasi. " +
        "Narasumber dari Ombudsman RI Perwakilan Jawa Timur memaparkan peningkatan laporan masyarakat sejak 2013 dan sembilan kewajiban penyelenggara menurut UU 25 Tahun 2009.",
      finalizedAt: new Date("2018-11-12T10:00:00+07:00"),
      finalizedBy: P("sekretariat@rakor.test"),
      updatedBy: P("notulis@rakor.test"),
    });
    const decs = await tx
      .insert(decisions)
      .values([
        { meetingId: articleId, number: 1, text: "Setiap kantor imigrasi meninjau dan memublikasikan standar pelayanan serta maklumat pelayanan." },
        { meetingId: articleId, number: 2, text: "Setiap unit menyediakan sarana pengaduan dan menindaklanjuti laporan masyarakat paling lambat 14 hari." },
        { meetingId: articleId, number: 3, text: "Setiap unit menyediakan sarana pelayanan khusus bagi penyandang disabilitas, lansia, ibu hamil dan anak." },
      ])
      .returning({ id: decisions.id, number: decisions.number });

    // --- Earlier and upcoming rakor ---
    const earlier = await tx
      .insert(meetings)
      .values({
        title: "Rakor Evaluasi Kinerja Triwulan III",
        topic: "Evaluasi capaian kinerja layanan keimigrasian",
        kind: "rakor",
        startsAt: new Date("2018-10-05T13:00:00+07:00"),
        endsAt: new Date("2018-10-05T16:00:00+07:00"),
        timeZone: "Asia/Jakarta",
        location: "Ruang Rapat Divisi Keimigrasian",
        roomId: R("Ruang Rapat Divisi Keimigrasian"),
        organizerUnitId: U("DIV-IMI"),
        chairUserId: P("kadiv.imigrasi@rakor.test"),
        status: "completed",
        createdBy: P("sekretariat@rakor.test"),
      })
      .returning({ id: meetings.id });
    await tx.insert(invitations).values(immigrationUnits.slice(0, 6).map((code) => ({ meetingId: earlier[0]!.id, workUnitId: U(code) })));

    const at = (daysFromNow: number, hourWib: number) => {
      const d = new Date(now.getTime() + daysFromNow * day);
      return new Date(`${isoDate(d)}T${String(hourWib).padStart(2, "0")}:00:00+07:00`);
    };
    const upcoming = await tx
      .insert(meetings)
      .values([
        {
          title: "Rakor Tindak Lanjut Pelayanan Publik",
          topic: "Peninjauan tindak lanjut hasil rakor sebelumnya",
          kind: "rakor" as const,
          startsAt: at(7, 9),
          endsAt: at(7, 12),
          timeZone: "Asia/Jakarta",
          location: "Aula Kanwil Kemenkumham Jatim",
          roomId: R("Aula Kanwil Kemenkumham Jatim"),
          onlineUrl: "https://zoom.us/j/0000000000",
          organizerUnitId: U("DIV-IMI"),
          chairUserId: P("kadiv.imigrasi@rakor.test"),
          status: "scheduled" as const,
          createdBy: P("sekretariat@rakor.test"),
        },
        {
          title: "Rakor Persiapan Survei Kepuasan Masyarakat",
          topic: "Persiapan survei kepuasan masyarakat semester I",
          kind: "rakor" as const,
          startsAt: at(21, 9),
          endsAt: at(21, 11),
          timeZone: "Asia/Jakarta",
          location: "Ruang Rapat Divisi Keimigrasian",
          roomId: R("Ruang Rapat Divisi Keimigrasian"),
          organizerUnitId: U("DIV-IMI"),
          chairUserId: P("kadiv.imigrasi@rakor.test"),
          status: "draft" as const,
          createdBy: P("sekretariat@rakor.test"),
        },
      ])
      .returning({ id: meetings.id });
    await tx.insert(invitations).values(immigrationUnits.map((code) => ({ meetingId: upcoming[0]!.id, workUnitId: U(code) })));
    await tx.insert(agendaItems).values([
      { meetingId: upcoming[0]!.id, position: 1, title: "Pembukaan", durationMinutes: 15 },
      { meetingId: upcoming[0]!.id, position: 2, title: "Reviu tindak lanjut rakor sebelumnya", durationMinutes: 90, kind: "follow_up_review" as const },
      { meetingId: upcoming[0]!.id, position: 3, title: "Penutup", durationMinutes: 15 },
    ]);

    // --- Today's rakor (for My agenda): under way when the demo starts, so check-in is open ---
    const todayStart = new Date(Math.floor((now.getTime() - 30 * 60_000) / (5 * 60_000)) * 5 * 60_000);
    const [todays] = await tx
      .insert(meetings)
      .values({
        title: "Rakor Evaluasi Pelayanan Paspor Hari Ini",
        topic: "Evaluasi antrean dan waktu penyelesaian paspor",
        kind: "rakor",
        startsAt: todayStart,
        endsAt: new Date(todayStart.getTime() + 4 * 60 * 60_000),
        timeZone: "Asia/Jakarta",
        location: "Ruang Rapat Lantai 2 Kanwil Kemenkumham Jatim",
        roomId: R("Ruang Rapat Lantai 2 Kanwil Kemenkumham Jatim"),
        onlineUrl: "https://zoom.us/j/1111111111",
        organizerUnitId: U("DIV-IMI"),
        chairUserId: P("kadiv.imigrasi@rakor.test"),
        status: "ongoing",
        createdBy: P("sekretariat@rakor.test"),
      })
      .returning({ id: meetings.id });
    const todaySpeakers = await tx
      .insert(speakers)
      .values([
        { meetingId: todays!.id, userId: P("kadiv.imigrasi@rakor.test"), role: "opening_remarks", sortOrder: 1 },
        { meetingId: todays!.id, userId: P("kabid.imigrasi@rakor.test"), role: "resource_person", topic: "Data antrean paspor triwulan ini", sortOrder: 2 },
        { meetingId: todays!.id, userId: P("notulis@rakor.test"), role: "minute_taker", sortOrder: 3 },
      ])
      .returning({ id: speakers.id, role: speakers.role });
    const todaySpeaker = (role: string) => todaySpeakers.find((s) => s.role === role)?.id ?? null;
    await tx.insert(agendaItems).values([
      { meetingId: todays!.id, position: 1, title: "Pembukaan dan arahan", durationMinutes: 20, presenterSpeakerId: todaySpeaker("opening_remarks") },
      { meetingId: todays!.id, position: 2, title: "Paparan data antrean paspor", durationMinutes: 60, presenterSpeakerId: todaySpeaker("resource_person") },
      { meetingId: todays!.id, position: 3, title: "Diskusi per kantor imigrasi", durationMinutes: 120 },
      { meetingId: todays!.id, position: 4, title: "Kesimpulan dan penutup", durationMinutes: 40 },
    ]);
    // Kanim Malang is left out: its end-to-end tests schedule a rakor "now" of their own.
    await tx.insert(invitations).values(
      immigrationUnits
        .filter((code) => code !== "KANIM-MLG")
        .map((code) => ({
          meetingId: todays!.id,
          workUnitId: U(code),
          response: (code === "KANIM-BLT" ? "attending" : "pending") as "attending" | "pending",
          respondedBy: code === "KANIM-BLT" ? P("peserta.blitar@rakor.test") : null,
          respondedAt: code === "KANIM-BLT" ? now : null,
        })),
    );

    // --- Follow-ups across the nine categories and every state, some overdue ---
    const statuses: ActionItemStatus[] = ["open", "in_progress", "reported", "verified", "cancelled", "in_progress", "open", "verified", "reported"];
    const picFor = (code: string) => USERS.find((u) => u.unit === code && u.role === "participant")!.email;
    const items = cats.flatMap((cat, ci) =>
      [0, 1].map((k) => {
        const unit = immigrationUnits[(ci * 2 + k) % immigrationUnits.length]!;
        const status = statuses[(ci + k) % statuses.length]!;
        const overdue = (ci + k) % 3 === 0 && (status === "open" || status === "in_progress");
        const due = new Date(now.getTime() + (overdue ? -(10 + ci) : 14 + ci * 3) * day);
        const dec = decs[ci % decs.length]!;
        return {
          meetingId: articleId,
          decisionId: dec.id,
          title: `${cat.nameId}: ${["perbarui dan publikasikan", "evaluasi dan laporkan"][k]} di ${UNITS.find((u) => u.code === unit)!.name.replace("Kantor Imigrasi", "Kanim")}`,
          description: `Tindak lanjut keputusan nomor ${dec.number} rakor 9 November 2018.`,
          categoryId: cat.id,
          workUnitId: U(unit),
          picUserId: P(picFor(unit)),
          dueDate: isoDate(due),
          priority: (["high", "medium", "low"] as const)[(ci + k) % 3],
          status,
          progress: { open: 0, in_progress: 40, reported: 100, verified: 100, cancelled: 0 }[status],
          cancelReason: status === "cancelled" ? "Digabung dengan tindak lanjut lain." : null,
          reportedAt: status === "reported" || status === "verified" ? new Date(now.getTime() - 5 * day) : null,
          reportedBy: status === "reported" || status === "verified" ? P(picFor(unit)) : null,
          verifiedAt: status === "verified" ? new Date(now.getTime() - 2 * day) : null,
          verifiedBy: status === "verified" ? P("kadiv.imigrasi@rakor.test") : null,
          createdBy: P("sekretariat@rakor.test"),
          createdAt: new Date(now.getTime() - (40 + ci) * day),
        };
      }),
    );
    // Malang always has an overdue item, for the head's overdue filter.
    items.push({
      meetingId: articleId,
      decisionId: decs[1]!.id,
      title: "Pengelolaan pengaduan: tindak lanjuti laporan masyarakat yang tertunda di Kanim Kelas I TPI Malang",
      description: "Laporan masyarakat yang belum dijawab lebih dari 14 hari.",
      categoryId: cats[5]!.id,
      workUnitId: U("KANIM-MLG"),
      picUserId: P("peserta.malang@rakor.test"),
      dueDate: isoDate(new Date(now.getTime() - 6 * day)),
      priority: "high",
      status: "in_progress",
      progress: 30,
      cancelReason: null,
      reportedAt: null,
      reportedBy: null,
      verifiedAt: null,
      verifiedBy: null,
      createdBy: P("sekretariat@rakor.test"),
      createdAt: new Date(now.getTime() - 30 * day),
    });
    const createdItems = await tx.insert(actionItems).values(items).returning();
    await tx.insert(actionItemUpdates).values(
      createdItems.flatMap((it) => {
        const rows: (typeof actionItemUpdates.$inferInsert)[] = [
          { actionItemId: it.id, authorId: it.createdBy, kind: "created", toStatus: "open", progress: 0, note: "", createdAt: it.createdAt },
        ];
        if (it.status !== "open" && it.status !== "cancelled") {
          rows.push({ actionItemId: it.id, authorId: it.picUserId, kind: "transition", fromStatus: "open", toStatus: "in_progress", progress: 40, note: "Mulai dikerjakan.", createdAt: new Date(it.createdAt.getTime() + 3 * day) });
        }
        if (it.status === "reported" || it.status === "verified") {
          rows.push({ actionItemId: it.id, authorId: it.reportedBy, kind: "transition", fromStatus: "in_progress", toStatus: "reported", progress: 100, note: "Selesai, bukti terlampir.", evidenceUrl: "https://www.imigrasi.go.id/", createdAt: it.reportedAt! });
        }
        if (it.status === "verified") {
          rows.push({ actionItemId: it.id, authorId: it.verifiedBy, kind: "transition", fromStatus: "reported", toStatus: "verified", progress: 100, note: "Terverifikasi.", createdAt: it.verifiedAt! });
        }
        if (it.status === "cancelled") {
          rows.push({ actionItemId: it.id, authorId: it.createdBy, kind: "transition", fromStatus: "open", toStatus: "cancelled", note: it.cancelReason ?? "", createdAt: new Date(it.createdAt.getTime() + 2 * day) });
        }
        return rows;
      }),
    );
  });
}
