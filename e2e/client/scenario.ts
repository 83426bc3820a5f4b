import createClient from "openapi-fetch";
import type { paths } from "./generated/api";

/**
 * The whole rakor story as an integrator writes it: a client generated from /api/v1/openapi.json
 * with openapi-typescript, called with openapi-fetch. No casts, no `unknown`, no `any`: every body
 * is typed by the document (e2e/api-client.spec.ts type-checks this file against the generated
 * types, then runs it against the test server).
 */
export type Tokens = { secretariat: string; head: string; participant: string };

type Client = ReturnType<typeof createClient<paths>>;

/** The body of a successful response; otherwise the problem's detail as an error. */
function must<T, E extends { detail?: string; status?: number }>(result: { data?: T; error?: E; response: Response }): T {
  if (result.data === undefined) throw new Error(`${result.response.status} ${result.error?.detail ?? ""}`);
  return result.data;
}

const ifMatch = (version: number) => `W/"${version}"`;

export async function runScenario(baseUrl: string, tokens: Tokens, startsAt: string, endsAt: string, dueDate: string) {
  const clientFor = (token: string): Client => createClient<paths>({ baseUrl: `${baseUrl}/api/v1`, headers: { Authorization: `Bearer ${token}` } });
  const sec = clientFor(tokens.secretariat);
  const head = clientFor(tokens.head);
  const participant = clientFor(tokens.participant);

  const headMe = must(await head.GET("/me"));
  const partMe = must(await participant.GET("/me"));
  const units = must(await sec.GET("/work-units")).items;
  const division = units.find((u) => u.code === "DIV-IMI");
  if (!division) throw new Error("no division");

  // Schedule.
  const meeting = must(
    await sec.POST("/meetings", {
      body: { title: "Rakor klien bertipe", topic: "openapi-fetch", kind: "rakor", startsAt, endsAt, timeZone: "Asia/Jakarta", location: `Ruang Klien ${Date.now()}`, organizerUnitId: division.id, chairUserId: headMe.id },
    }),
  );

  // Agenda.
  const items: [string, number][] = [
    ["Pembukaan", 10],
    ["Paparan", 45],
  ];
  for (const [title, durationMinutes] of items) {
    must(await sec.POST("/meetings/{id}/agenda-items", { params: { path: { id: meeting.id } }, body: { title, durationMinutes } }));
  }
  const agenda = must(await sec.GET("/meetings/{id}/agenda-items", { params: { path: { id: meeting.id } } }));

  // Speakers.
  const speaker = must(
    await sec.POST("/meetings/{id}/speakers", { params: { path: { id: meeting.id } }, body: { role: "resource_person", name: "Agus Widiyarta", organization: "Ombudsman RI" } }),
  );

  // Invitations, then publish with the meeting's version.
  const invited = must(await sec.POST("/meetings/{id}/invitations", { params: { path: { id: meeting.id } }, body: { workUnitId: partMe.workUnitId } }));
  const current = must(await sec.GET("/meetings/{id}", { params: { path: { id: meeting.id } } }));
  const published = must(
    await sec.POST("/meetings/{id}/transitions", { params: { path: { id: meeting.id }, header: { "If-Match": ifMatch(current.version) } }, body: { to: "scheduled" } }),
  );

  // RSVP by the invited unit.
  const mine = must(await participant.GET("/meetings/{id}/invitations", { params: { path: { id: meeting.id } } })).items.find((i) => i.workUnitId === partMe.workUnitId);
  if (!mine) throw new Error("not invited");
  const rsvp = must(
    await participant.PATCH("/invitations/{id}", {
      params: { path: { id: mine.id }, header: { "If-Match": ifMatch(mine.version) } },
      body: { response: "attending", delegates: [{ name: partMe.name, position: partMe.position }] },
    }),
  );

  // Attendance.
  const attendance = must(
    await sec.POST("/meetings/{id}/attendances", { params: { path: { id: meeting.id } }, body: { userId: partMe.id, workUnitId: partMe.workUnitId, status: "present" } }),
  );

  // Minutes and a decision.
  const minutes = must(await sec.PUT("/meetings/{id}/minutes", { params: { path: { id: meeting.id } }, body: { summary: "Ringkasan rapat klien bertipe.", version: 0 } }));
  const decision = must(await sec.POST("/meetings/{id}/decisions", { params: { path: { id: meeting.id } }, body: { text: "Unit memperbarui maklumat pelayanan." } }));

  // A follow-up from the decision.
  const category = must(await sec.GET("/categories")).items[0];
  if (!category) throw new Error("no category");
  const item = must(
    await sec.POST("/action-items", {
      body: { meetingId: meeting.id, decisionId: decision.id, title: "Perbarui maklumat", categoryId: category.id, workUnitId: partMe.workUnitId, picUserId: partMe.id, dueDate, priority: "high" },
    }),
  );

  // Updates by the owner unit, each with the version it read.
  const started = must(
    await participant.POST("/action-items/{id}/updates", { params: { path: { id: item.id }, header: { "If-Match": ifMatch(item.version) } }, body: { to: "in_progress", note: "Mulai." } }),
  );
  const progressed = must(
    await participant.POST("/action-items/{id}/updates", { params: { path: { id: item.id } }, body: { progress: 60, note: "Draf maklumat selesai.", version: started.version } }),
  );
  const reported = must(
    await participant.POST("/action-items/{id}/updates", {
      params: { path: { id: item.id } },
      body: { to: "reported", note: "Selesai.", evidenceUrl: "https://example.go.id/maklumat", version: progressed.version },
    }),
  );

  // Verified by the division's head.
  const verified = must(
    await head.POST("/action-items/{id}/updates", { params: { path: { id: item.id }, header: { "If-Match": ifMatch(reported.version) } }, body: { to: "verified", note: "Terverifikasi." } }),
  );
  const timeline = must(await head.GET("/action-items/{id}/updates", { params: { path: { id: item.id } } }));
  const page = must(await head.GET("/action-items", { params: { query: { meetingId: meeting.id, limit: 10 } } }));

  return {
    meetingStatus: published.status,
    agendaTitles: agenda.items.map((a) => a.title),
    speakerName: speaker.name,
    invitedUnits: invited.items.map((i) => i.workUnitId),
    rsvp: rsvp.response,
    attendanceStatus: attendance.status,
    minutesVersion: minutes.version,
    decisionNumber: decision.number,
    itemStatus: verified.status,
    progress: progressed.progress,
    steps: timeline.items.map((u) => u.toStatus),
    listed: page.items.map((i) => i.id).includes(item.id),
  };
}

/**
 * Keeping a copy of one month in sync, as a ministry's dashboard would: the month's meetings
 * walked page by page, each read with ?include= (one call per meeting instead of six); then, after
 * a change, only what changed since the largest updatedAt of the copy (?updatedSince=, inclusive).
 */
export async function runSync(baseUrl: string, token: string, startsAt: string) {
  const sec = createClient<paths>({ baseUrl: `${baseUrl}/api/v1`, headers: { Authorization: `Bearer ${token}` } });
  const division = must(await sec.GET("/work-units")).items.find((u) => u.code === "DIV-IMI");
  if (!division) throw new Error("no division");
  // On the 10th of the month and the days after, so both stay in the month synced.
  const month = startsAt.slice(0, 7);
  const at = (hours: number) => new Date(new Date(`${month}-10T09:00:00+07:00`).getTime() + hours * 3_600_000).toISOString();
  const schedule = async (title: string, hours: number) =>
    must(
      await sec.POST("/meetings", {
        body: { title, startsAt: at(hours), endsAt: at(hours + 1), timeZone: "Asia/Jakarta", location: `Ruang Sinkron ${Date.now()}`, organizerUnitId: division.id, acknowledgeConflicts: true },
      }),
    );
  const untouched = await schedule("Rakor sinkron (tetap)", 24);
  const changed = await schedule("Rakor sinkron (berubah)", 48);

  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const from = `${month}-01`;
  const to = `${month}-${String(lastDay).padStart(2, "0")}`;
  const include = "agenda,speakers,invitations,attendances,minutes";

  /** Every meeting of the month (since `updatedSince` when given), each read whole with ?include=. */
  const pull = async (updatedSince?: string) => {
    const copies = [];
    let cursor: string | undefined;
    do {
      const page = must(await sec.GET("/meetings", { params: { query: { from, to, timeZone: "Asia/Jakarta", limit: 100, cursor, updatedSince } } }));
      for (const m of page.items) copies.push(must(await sec.GET("/meetings/{id}", { params: { path: { id: m.id }, query: { include } } })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return copies;
  };

  const full = await pull();
  const since = full.map((m) => m.updatedAt).reduce((a, b) => (a > b ? a : b));
  // A change after the copy was taken: an agenda item (the meeting's updatedAt moves with it).
  must(await sec.POST("/meetings/{id}/agenda-items", { params: { path: { id: changed.id } }, body: { title: "Agenda tambahan", durationMinutes: 15 } }));
  const delta = await pull(since);
  const fresh = delta.find((m) => m.id === changed.id);

  return {
    monthCount: full.length,
    fullHasBoth: [untouched.id, changed.id].every((id) => full.some((m) => m.id === id)),
    deltaCount: delta.length,
    deltaHasChanged: !!fresh,
    deltaHasUntouched: delta.some((m) => m.id === untouched.id),
    freshAgenda: fresh?.agenda?.items.map((a) => a.title) ?? [],
    includedParts: Object.keys(full[0] ?? {}).filter((k) => ["agenda", "speakers", "invitations", "attendances", "minutes"].includes(k)).sort(),
  };
}
