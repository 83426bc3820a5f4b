import type { z } from "zod";
import * as r from "./resources";
import * as s from "./schemas";
import { createTokenSchema } from "./token-schema";
import { provisioningBody, provisioningQuery } from "@/lib/provisioning/schemas";

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
  /** The success body (a schema of lib/api/resources.ts); none: 204 No Content. */
  response?: z.ZodType;
  /** 201 for a create; otherwise 200 (204 without a response). */
  created?: boolean;
  /** A write of an existing versioned record: If-Match or a body `version` is required. */
  versioned?: boolean;
  /** Versioned only when the record exists already (If-Match or `version`; 409/412/428 as for versioned writes). */
  conditional?: boolean;
  /** A keyset-paginated list (a bad cursor is a 400). */
  paginated?: boolean;
  /** A file download instead of JSON. */
  file?: boolean;
  /** The file's media types (default: every meeting file's). */
  fileTypes?: readonly string[];
  /** A larger body than the default 1 MB (a personnel export). */
  maxBodyBytes?: number;
  /** What a 409 means for this operation, when it is more than the usual conflict. */
  conflict?: string;
  /** A versioned DELETE: the record a 409/412 carries as `current`. */
  current?: z.ZodType;
};


export const operations = {
  getMe: { method: "GET", path: "/me", summary: "The signed-in user (or the token's owner)", tag: "Account", response: r.Me },
  listTokens: { method: "GET", path: "/tokens", summary: "My API tokens (never their secrets)", tag: "Account", response: r.TokenPage, paginated: true, query: s.tokensQuery },
  createToken: { method: "POST", path: "/tokens", summary: "Create an API token; the secret is shown once", tag: "Account", body: createTokenSchema, response: r.CreatedToken, created: true },
  revokeToken: { method: "DELETE", path: "/tokens/{id}", summary: "Revoke an API token", tag: "Account" },
  listWorkUnits: { method: "GET", path: "/work-units", summary: "All work units, flat, with parentId", tag: "Organisation", response: r.WorkUnitList },
  listPeople: {
    method: "GET",
    path: "/people",
    summary: "Find people by NIP, e-mail, name or unit (staff: everybody; others: their own unit) — name, NIP, position and unit only",
    tag: "Organisation",
    query: s.peopleQuery,
    response: r.PersonPage,
    paginated: true,
  },
  listCategories: { method: "GET", path: "/categories", summary: "Follow-up categories (UU 25/2009 obligations)", tag: "Follow-ups", response: r.CategoryList },

  listMeetings: { method: "GET", path: "/meetings", summary: "Meetings I may see (filters from, to, status, unitId, q)", tag: "Meetings", query: s.meetingsQuery, response: r.MeetingPage, paginated: true },
  createMeeting: { method: "POST", path: "/meetings", summary: "Schedule a meeting (a draft)", tag: "Meetings", body: s.meetingCreateBody, response: r.Meeting, created: true },
  getMeeting: { method: "GET", path: "/meetings/{id}", summary: "One meeting, with ?include= its agenda, speakers, invitations, attendances and minutes in the same answer", tag: "Meetings", query: s.meetingQuery, response: r.MeetingDetail },
  deleteMeeting: { method: "DELETE", path: "/meetings/{id}", summary: "Delete a draft meeting (a published one is cancelled instead; send version)", tag: "Meetings", versioned: true, current: r.Meeting },
  updateMeeting: { method: "PATCH", path: "/meetings/{id}", summary: "Edit a meeting (send version, in the body or If-Match)", tag: "Meetings", body: s.meetingPatchBody, response: r.Meeting, versioned: true },
  transitionMeeting: { method: "POST", path: "/meetings/{id}/transitions", summary: "Publish, start, complete or cancel a meeting", tag: "Meetings", body: s.meetingTransitionBody, response: r.Meeting, versioned: true },
  listAgendaItems: { method: "GET", path: "/meetings/{id}/agenda-items", summary: "The agenda with computed start times", tag: "Agenda", response: r.AgendaList },
  createAgendaItem: { method: "POST", path: "/meetings/{id}/agenda-items", summary: "Add an agenda item", tag: "Agenda", body: s.agendaItemBody, response: r.AgendaItem, created: true },
  updateAgendaItem: { method: "PATCH", path: "/agenda-items/{id}", summary: "Edit or move an agenda item (send version)", tag: "Agenda", body: s.agendaItemPatchBody, response: r.AgendaItem, versioned: true },
  deleteAgendaItem: { method: "DELETE", path: "/agenda-items/{id}", summary: "Remove an agenda item", tag: "Agenda", versioned: true, current: r.AgendaItem },
  listSpeakers: { method: "GET", path: "/meetings/{id}/speakers", summary: "Speakers of a meeting", tag: "Speakers", response: r.SpeakerList },
  createSpeaker: { method: "POST", path: "/meetings/{id}/speakers", summary: "Add a speaker (internal userId, or an external name)", tag: "Speakers", body: s.speakerBody, response: r.Speaker, created: true },
  updateSpeaker: { method: "PATCH", path: "/speakers/{id}", summary: "Correct a speaker (send version)", tag: "Speakers", body: s.speakerPatchBody, response: r.Speaker, versioned: true },
  deleteSpeaker: { method: "DELETE", path: "/speakers/{id}", summary: "Remove a speaker (send version)", tag: "Speakers", versioned: true, current: r.Speaker },
  listInvitations: { method: "GET", path: "/meetings/{id}/invitations", summary: "Invited units and their answers", tag: "Invitations", response: r.InvitationList },
  createInvitation: { method: "POST", path: "/meetings/{id}/invitations", summary: "Invite a unit (optionally with its sub-units)", tag: "Invitations", body: s.invitationBody, response: r.InvitationList, created: true },
  respondInvitation: { method: "PATCH", path: "/invitations/{id}", summary: "Answer an invitation for my unit (RSVP)", tag: "Invitations", body: s.rsvpBody, response: r.Invitation, versioned: true },
  withdrawInvitation: { method: "DELETE", path: "/invitations/{id}", summary: "Withdraw an invitation (send version)", tag: "Invitations", versioned: true, current: r.Invitation },
  listAttendances: { method: "GET", path: "/meetings/{id}/attendances", summary: "Attendance records", tag: "Attendance", response: r.AttendanceList },
  createAttendance: { method: "POST", path: "/meetings/{id}/attendances", summary: "Record a person's or a guest's attendance", tag: "Attendance", body: s.attendanceBody, response: r.Attendance, created: true, conditional: true },
  deleteAttendance: { method: "DELETE", path: "/attendances/{id}", summary: "Remove an attendance record entered by mistake (send version)", tag: "Attendance", versioned: true, current: r.Attendance },
  attendanceSummary: { method: "GET", path: "/meetings/{id}/attendance-summary", summary: "Attendance counts per unit", tag: "Attendance", response: r.AttendanceSummary },
  getMinutes: { method: "GET", path: "/meetings/{id}/minutes", summary: "Minutes (notulen) and decisions", tag: "Minutes", response: r.Minutes },
  putMinutes: { method: "PUT", path: "/meetings/{id}/minutes", summary: "Save the minutes' summary (send version; 0 for new)", tag: "Minutes", body: s.minutesBody, response: r.Minutes, versioned: true },
  transitionMinutes: {
    method: "POST",
    path: "/meetings/{id}/minutes/transitions",
    summary: "Finalize the minutes (the notulen is rendered once and stored as the record) or reopen them with a reason (send version)",
    tag: "Minutes",
    body: s.minutesTransitionBody,
    response: r.Minutes,
    versioned: true,
  },
  issueLetter: {
    method: "POST",
    path: "/meetings/{id}/letters",
    summary: "Issue a letter of the meeting (undangan, perubahan jadwal, pembatalan): numbered from the office's sequence or as given (409 when the office gave that number this year), rendered and stored once",
    tag: "Letters",
    body: s.letterBody,
    response: r.Letter,
    created: true,
    conflict: "The number given is one the office already gave this year (`errors` names `number`); or a request with this Idempotency-Key is still running.",
  },
  listLetters: {
    method: "GET",
    path: "/letters",
    summary: "The letter register (buku agenda surat keluar) of an office, in number order (filters officeId, year, meetingId)",
    tag: "Letters",
    query: s.lettersQuery,
    response: r.LetterPage,
    paginated: true,
  },
  getLetterPdf: { method: "GET", path: "/letters/{id}/pdf", summary: "An issued letter's stored PDF, byte for byte as issued", tag: "Letters", file: true, fileTypes: ["application/pdf"] },
  createDecision: { method: "POST", path: "/meetings/{id}/decisions", summary: "Add a numbered decision", tag: "Minutes", body: s.decisionBody, response: r.Decision, created: true },

  updateDecision: { method: "PATCH", path: "/decisions/{id}", summary: "Correct a decision's text (send version)", tag: "Minutes", body: s.decisionPatchBody, response: r.Decision, versioned: true },
  deleteDecision: { method: "DELETE", path: "/decisions/{id}", summary: "Remove a decision; the later ones move up a number (send version)", tag: "Minutes", versioned: true, current: r.Decision },

  listActionItems: { method: "GET", path: "/action-items", summary: "Follow-ups I may see (filters unitId, status, categoryId, meetingId, overdue, dueFrom, dueTo)", tag: "Follow-ups", query: s.actionItemsQuery, response: r.ActionItemPage, paginated: true },
  createActionItem: { method: "POST", path: "/action-items", summary: "Create a follow-up", tag: "Follow-ups", body: s.actionItemCreateBody, response: r.ActionItem, created: true },
  getActionItem: { method: "GET", path: "/action-items/{id}", summary: "One follow-up", tag: "Follow-ups", response: r.ActionItem },
  updateActionItem: { method: "PATCH", path: "/action-items/{id}", summary: "Edit the plan: title, description, category, PIC, due date, priority (send version)", tag: "Follow-ups", body: s.actionItemPatchBody, response: r.ActionItem, versioned: true },
  listActionItemUpdates: { method: "GET", path: "/action-items/{id}/updates", summary: "A follow-up's timeline (progress, transitions, extensions)", tag: "Follow-ups", response: r.ActionItemUpdateList },
  createActionItemUpdate: { method: "POST", path: "/action-items/{id}/updates", summary: "Add an update; a transition when `to` is given", tag: "Follow-ups", body: s.actionItemUpdateBody, response: r.ActionItem, created: true, versioned: true },
  getMeetingDocument: { method: "GET", path: "/meetings/{id}/documents/{kind}", summary: "A meeting's file: invitation letter, attendance list, minutes (PDF), calendar entry (ICS), attendance CSV/XLSX, follow-up matrix (XLSX)", tag: "Documents", file: true },
  listEvents: {
    method: "GET",
    path: "/events",
    summary: "What changed, in commit order: meetings, agenda, speakers, invitations, attendance, minutes, letters issued, follow-ups — only what I may see",
    tag: "Integrations",
    query: s.eventsQuery,
    response: r.EventPage,
  },
  listWebhooks: { method: "GET", path: "/webhooks", summary: "My webhook subscriptions", tag: "Integrations", response: r.WebhookList },
  createWebhook: { method: "POST", path: "/webhooks", summary: "Subscribe a URL to events (admin or secretariat); the signing secret is shown once", tag: "Integrations", body: s.webhookBody, response: r.CreatedWebhook, created: true },
  getWebhook: { method: "GET", path: "/webhooks/{id}", summary: "One of my webhook subscriptions", tag: "Integrations", response: r.Webhook },
  deleteWebhook: { method: "DELETE", path: "/webhooks/{id}", summary: "End a webhook subscription (send version)", tag: "Integrations", versioned: true, current: r.Webhook },
  listWebhookDeliveries: { method: "GET", path: "/webhooks/{id}/deliveries", summary: "A subscription's latest deliveries with the receiver's answers (newest first, 50)", tag: "Integrations", response: r.WebhookDeliveryList },
  redeliverWebhook: { method: "POST", path: "/webhook-deliveries/{id}/redeliveries", summary: "Send a delivery again", tag: "Integrations", response: r.WebhookDelivery },
  followUpDashboard: { method: "GET", path: "/dashboard/follow-ups", summary: "Per-unit follow-up figures of the division head's dashboard", tag: "Follow-ups", response: r.FollowUpDashboard },
  provision: {
    method: "POST",
    path: "/provisioning",
    summary: "Import personnel data (SIMPEG export as CSV): a dry run by default, dryRun=false applies it (admin)",
    tag: "Organisation",
    query: provisioningQuery,
    body: provisioningBody,
    response: r.ProvisioningResult,
    maxBodyBytes: 10_500_000,
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
