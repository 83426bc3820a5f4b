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
