/** Client-safe shapes of the live meeting state (issue 13): what the SSE events carry. */
import type { AttendanceStatus, MeetingStatus, SpeakerRole } from "@/db/schema";

export type LiveItem = {
  id: string;
  title: string;
  position: number;
  durationMinutes: number;
  plannedStart: string;
  plannedEnd: string;
  actualStartedAt: string | null;
  actualEndedAt: string | null;
};

export type LiveSpeaker = {
  id: string;
  role: SpeakerRole;
  name: string;
  position: string | null;
  organization: string | null;
  onBehalfOf: string | null;
  topic: string | null;
  calledAt: string | null;
};

/** A speaking turn of the speakers' queue (issue 23): the one speaking, or one waiting. */
export type QueueTurn = {
  id: string;
  name: string;
  unitName: string | null;
  topic: string;
  agendaItemId: string | null;
  requestedAt: string;
  startedAt: string | null;
  allowedMinutes: number | null;
};

/** The speakers' queue as everybody sees it: open or closed, who speaks now, who waits (in order, capped). */
export type LiveQueue = {
  open: boolean;
  turnMinutes: number | null;
  current: QueueTurn | null;
  waiting: QueueTurn[];
  waitingTotal: number;
};

export type LiveUnit = { unitId: string | null; name: string; invited: boolean; present: number; represented: number; excused: number; absent: number };

export type LiveTotals = { invitedUnits: number; unitsPresent: number; present: number; represented: number; excused: number; absent: number };

/** What everybody following the meeting sees (console, room screen, participants' banner). */
export type LiveState = {
  meetingId: string;
  title: string;
  status: MeetingStatus;
  timeZone: string;
  /** The server's clock when the state was read: clients correct their own clock by it. */
  serverNow: string;
  version: number;
  /** Self check-in: the secretariat's switch and the time window both allow it. */
  checkInOpen: boolean;
  checkInSwitch: boolean;
  /** When the check-in window ends: screens stop showing the QR code then, even without a new event. */
  checkInClosesAt: string;
  currentItemId: string | null;
  speaker: LiveSpeaker | null;
  /** The speakers' queue (daftar bicara). */
  queue: LiveQueue;
  items: LiveItem[];
  /** Units by attendance (invited first, by name), at most LIVE_UNITS_MAX; `unitsTotal` says how many there are. */
  units: LiveUnit[];
  unitsTotal: number;
  totals: LiveTotals;
};

export type RecentCheckIn = { name: string; unitName: string | null; at: string };

/** What staff see in addition: names of people who just checked in by QR. */
export type LiveStaffExtra = { recentCheckIns: RecentCheckIn[] };

export type LiveChange = { kind: string; text?: string };

/** One SSE message. */
export type LiveMessage = { kind: string; state: LiveState; staff?: LiveStaffExtra; change?: LiveChange };

export const LIVE_UNITS_MAX = 200;
export const RECENT_CHECK_IN_MINUTES = 15;
/** Waiting requests carried in each live event (the rest are counted). */
export const QUEUE_SHOWN_MAX = 50;

export type { AttendanceStatus };
