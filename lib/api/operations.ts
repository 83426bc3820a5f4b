import type { z } from "zod";
import * as s from "./schemas";
import { createTokenSchema } from "./token-schema";

/**
 * Every operation of the JSON API, with the zod schemas its handler validates with. The OpenAPI
 * document is generated from this list, and a test checks it against the route files.
 */
export type Operation = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodType;
  body?: z.ZodType;
};


export const operations = {
  getMe: { method: "GET", path: "/me", summary: "The signed-in user (or the token's owner)", tag: "Account" },
  listTokens: { method: "GET", path: "/tokens", summary: "My API tokens (never their secrets)", tag: "Account" },
  createToken: { method: "POST", path: "/tokens", summary: "Create an API token; the secret is shown once", tag: "Account", body: createTokenSchema },
  revokeToken: { method: "DELETE", path: "/tokens/{id}", summary: "Revoke an API token", tag: "Account" },
  listWorkUnits: { method: "GET", path: "/work-units", summary: "All work units, flat, with parentId", tag: "Organisation" },
  listCategories: { method: "GET", path: "/categories", summary: "Follow-up categories (UU 25/2009 obligations)", tag: "Follow-ups" },

  listMeetings: { method: "GET", path: "/meetings", summary: "Meetings I may see (filters from, to, status, unitId, q)", tag: "Meetings", query: s.meetingsQuery },
  createMeeting: { method: "POST", path: "/meetings", summary: "Schedule a meeting (a draft)", tag: "Meetings", body: s.meetingCreateBody },
  getMeeting: { method: "GET", path: "/meetings/{id}", summary: "One meeting", tag: "Meetings" },
  updateMeeting: { method: "PATCH", path: "/meetings/{id}", summary: "Edit a meeting (send version, in the body or If-Match)", tag: "Meetings", body: s.meetingPatchBody },
  transitionMeeting: { method: "POST", path: "/meetings/{id}/transitions", summary: "Publish, start, complete or cancel a meeting", tag: "Meetings", body: s.meetingTransitionBody },
  listAgendaItems: { method: "GET", path: "/meetings/{id}/agenda-items", summary: "The agenda with computed start times", tag: "Agenda" },
  createAgendaItem: { method: "POST", path: "/meetings/{id}/agenda-items", summary: "Add an agenda item", tag: "Agenda", body: s.agendaItemBody },
  updateAgendaItem: { method: "PATCH", path: "/agenda-items/{id}", summary: "Edit or move an agenda item (send version)", tag: "Agenda", body: s.agendaItemPatchBody },
  deleteAgendaItem: { method: "DELETE", path: "/agenda-items/{id}", summary: "Remove an agenda item", tag: "Agenda" },
  listSpeakers: { method: "GET", path: "/meetings/{id}/speakers", summary: "Speakers of a meeting", tag: "Speakers" },
  createSpeaker: { method: "POST", path: "/meetings/{id}/speakers", summary: "Add a speaker (internal userId, or an external name)", tag: "Speakers", body: s.speakerBody },
  listInvitations: { method: "GET", path: "/meetings/{id}/invitations", summary: "Invited units and their answers", tag: "Invitations" },
  createInvitation: { method: "POST", path: "/meetings/{id}/invitations", summary: "Invite a unit (optionally with its sub-units)", tag: "Invitations", body: s.invitationBody },
  respondInvitation: { method: "PATCH", path: "/invitations/{id}", summary: "Answer an invitation for my unit (RSVP)", tag: "Invitations", body: s.rsvpBody },
  listAttendances: { method: "GET", path: "/meetings/{id}/attendances", summary: "Attendance records", tag: "Attendance" },
  createAttendance: { method: "POST", path: "/meetings/{id}/attendances", summary: "Record a person's or a guest's attendance", tag: "Attendance", body: s.attendanceBody },
  attendanceSummary: { method: "GET", path: "/meetings/{id}/attendance-summary", summary: "Attendance counts per unit", tag: "Attendance" },
  getMinutes: { method: "GET", path: "/meetings/{id}/minutes", summary: "Minutes (notulen) and decisions", tag: "Minutes" },
  putMinutes: { method: "PUT", path: "/meetings/{id}/minutes", summary: "Save the minutes' summary (send version; 0 for new)", tag: "Minutes", body: s.minutesBody },
  createDecision: { method: "POST", path: "/meetings/{id}/decisions", summary: "Add a numbered decision", tag: "Minutes", body: s.decisionBody },

  listActionItems: { method: "GET", path: "/action-items", summary: "Follow-ups I may see (filters unitId, status, categoryId, meetingId, overdue, dueFrom, dueTo)", tag: "Follow-ups", query: s.actionItemsQuery },
  createActionItem: { method: "POST", path: "/action-items", summary: "Create a follow-up", tag: "Follow-ups", body: s.actionItemCreateBody },
  getActionItem: { method: "GET", path: "/action-items/{id}", summary: "One follow-up with its timeline", tag: "Follow-ups" },
  updateActionItem: { method: "PATCH", path: "/action-items/{id}", summary: "Report progress (send version)", tag: "Follow-ups", body: s.actionItemPatchBody },
  createActionItemUpdate: { method: "POST", path: "/action-items/{id}/updates", summary: "Add an update; a transition when `to` is given", tag: "Follow-ups", body: s.actionItemUpdateBody },
  followUpDashboard: { method: "GET", path: "/dashboard/follow-ups", summary: "Per-unit follow-up figures of the division head's dashboard", tag: "Follow-ups" },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
