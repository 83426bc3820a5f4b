import type { ActionItemStatus, MeetingStatus, Role } from "@/db/schema";

/**
 * The one policy. Pages, server actions and route handlers all ask `can(user, action, resource)`;
 * the resource carries what the rule needs (loaded in SQL by the use case).
 */
export type Actor = {
  id: string;
  role: Role;
  workUnitId: string;
  scopeUnitIds: readonly string[];
};

export type MeetingResource = {
  status: MeetingStatus;
  organizerUnitId: string;
  invitedUnitIds: readonly string[];
  /** Internal users recorded as minute-taker of this meeting. */
  minuteTakerUserIds?: readonly string[];
  /** Internal users recorded as moderator of this meeting (they run the speakers' queue). */
  moderatorUserIds?: readonly string[];
};

export type ActionItemResource = {
  workUnitId: string;
  picUserId: string | null;
  status: ActionItemStatus;
};

type Resources = {
  "admin.manage": undefined;
  "categories.manage": undefined;
  "outbox.view": undefined;
  "dashboard.view": undefined;
  "meeting.list": undefined;
  /** Search people of every unit (pickers); others search their own unit's. */
  "people.searchAll": undefined;
  "webhook.manage": undefined;
  /** The units whose follow-ups one verifies, counts on the dashboard and creates follow-ups for. */
  "unit.oversee": { unitId: string };
  "meeting.create": { organizerUnitId: string };
  /** The letter register (buku agenda surat keluar) of an office: admins, and staff of that office. */
  "letters.register": { sameOffice: boolean };
  "meeting.view": MeetingResource;
  "meeting.manage": MeetingResource;
  "meeting.respond": MeetingResource;
  "meeting.checkIn": MeetingResource;
  "meeting.records": MeetingResource;
  "minutes.write": MeetingResource;
  "minutes.reopen": MeetingResource;
  "live.run": MeetingResource;
  "live.screen": MeetingResource;
  "live.note": MeetingResource;
  /** Speakers' queue (issue 23): ask for the floor; run the queue (give the floor, skip, close). */
  "live.requestFloor": MeetingResource;
  "live.queue": MeetingResource;
  /** Oversees some units' follow-ups: creates follow-ups (the unit is chosen in the form), verifies them. */
  "actionItem.oversee": undefined;
  "actionItem.create": { workUnitId: string };
  "actionItem.view": ActionItemResource;
  "actionItem.work": ActionItemResource;
  "actionItem.requestExtension": ActionItemResource;
  "actionItem.verify": ActionItemResource;
  "actionItem.plan": ActionItemResource;
  "actionItem.decideExtension": ActionItemResource;
};

export type Action = keyof Resources;

const inScope = (actor: Actor, unitId: string) => actor.role === "admin" || actor.scopeUnitIds.includes(unitId);
const isStaff = (actor: Actor) => actor.role === "admin" || actor.role === "secretariat" || actor.role === "head";
const ownUnitInvited = (actor: Actor, m: MeetingResource) => m.invitedUnitIds.includes(actor.workUnitId);

const rules: { [A in Action]: (actor: Actor, resource: Resources[A]) => boolean } = {
  "admin.manage": (a) => a.role === "admin",
  "categories.manage": (a) => a.role === "admin",
  "outbox.view": (a) => a.role === "admin",
  "dashboard.view": (a) => isStaff(a),
  "meeting.list": () => true,
  "people.searchAll": (a) => isStaff(a),
  // Webhook subscriptions send what their owner may see to an outside system: admins and the secretariat.
  "webhook.manage": (a) => a.role === "admin" || a.role === "secretariat",
  "unit.oversee": (a, r) => isStaff(a) && inScope(a, r.unitId),

  // Secretariat (and admin) schedule meetings organised by a unit they oversee.
  "letters.register": (a, r) => a.role === "admin" || (isStaff(a) && r.sameOffice),
  "meeting.create": (a, r) => a.role === "admin" || (a.role === "secretariat" && inScope(a, r.organizerUnitId)),
  // Staff see every meeting their division organises (drafts too) and published ones inviting
  // their units; everybody sees published meetings their own unit is invited to.
  "meeting.view": (a, m) => {
    if (a.role === "admin") return true;
    if (isStaff(a) && inScope(a, m.organizerUnitId)) return true;
    if (m.status === "draft") return false;
    if (isStaff(a) && m.invitedUnitIds.some((u) => inScope(a, u))) return true;
    return ownUnitInvited(a, m);
  },
  "meeting.manage": (a, m) => a.role === "admin" || (a.role === "secretariat" && inScope(a, m.organizerUnitId)),
  // A unit answers the invitation for itself, while the meeting is published and not over.
  "meeting.respond": (a, m) => (m.status === "scheduled" || m.status === "ongoing") && ownUnitInvited(a, m),
  "meeting.checkIn": (a, m) => (m.status === "scheduled" || m.status === "ongoing") && ownUnitInvited(a, m),
  // Attendance lists, minutes and exports name people of every unit: staff who see the meeting.
  "meeting.records": (a, m) => isStaff(a) && rules["meeting.view"](a, m),
  "minutes.write": (a, m) =>
    rules["meeting.manage"](a, m) ||
    (m.status !== "draft" && (m.minuteTakerUserIds ?? []).includes(a.id) && rules["meeting.view"](a, m)),
  "minutes.reopen": (a, m) => rules["meeting.manage"](a, m),
  // Rakor day, live (issue 13): the secretariat (and admin) of the organizing division run the
  // agenda, speakers and attendance of an ongoing meeting, and open or link its room screen.
  "live.run": (a, m) => m.status === "ongoing" && rules["meeting.manage"](a, m),
  "live.screen": (a, m) => (m.status === "scheduled" || m.status === "ongoing" || m.status === "completed") && rules["meeting.manage"](a, m),
  // Item notes flow into the minutes: whoever writes the minutes, while the meeting runs.
  "live.note": (a, m) => m.status === "ongoing" && rules["minutes.write"](a, m),
  // Anyone who sees an ongoing meeting may ask for the floor (the use case also requires them to
  // be checked in as present); the secretariat running it and the meeting's moderator run the queue.
  "live.requestFloor": (a, m) => m.status === "ongoing" && rules["meeting.view"](a, m),
  "live.queue": (a, m) => m.status === "ongoing" && (rules["live.run"](a, m) || ((m.moderatorUserIds ?? []).includes(a.id) && rules["meeting.view"](a, m))),

  "actionItem.oversee": (a) => isStaff(a),
  "actionItem.create": (a, r) => rules["unit.oversee"](a, { unitId: r.workUnitId }),
  "actionItem.view": (a, r) => {
    if (isStaff(a) && inScope(a, r.workUnitId)) return true;
    return a.workUnitId === r.workUnitId || a.id === r.picUserId;
  },
  // The owner unit (its participants and the person in charge) works the item up to "reported".
  "actionItem.work": (a, r) =>
    (a.workUnitId === r.workUnitId || a.id === r.picUserId) && (r.status === "open" || r.status === "in_progress"),
  "actionItem.requestExtension": (a, r) =>
    (a.workUnitId === r.workUnitId || a.id === r.picUserId) && r.status !== "verified" && r.status !== "cancelled",
  // The secretariat and the owning division's head verify, return, cancel and decide extensions.
  "actionItem.verify": (a, r) => rules["unit.oversee"](a, { unitId: r.workUnitId }),
  "actionItem.decideExtension": (a, r) => rules["unit.oversee"](a, { unitId: r.workUnitId }),
  // The same people (who assign follow-ups) edit the plan — title, category, PIC, due date,
  // priority — while the item is not closed; progress stays with the owner unit.
  "actionItem.plan": (a, r) => rules["actionItem.verify"](a, r) && r.status !== "verified" && r.status !== "cancelled",
};

export function can<A extends Action>(actor: Actor, action: A, ...resource: Resources[A] extends undefined ? [] : [Resources[A]]): boolean {
  return rules[action](actor, resource[0] as Resources[A]);
}
