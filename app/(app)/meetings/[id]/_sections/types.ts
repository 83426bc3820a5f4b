import type { CurrentUser } from "@/lib/auth/types";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { MeetingDetail } from "@/lib/meetings/get-meeting";
import { isEditableStatus } from "@/lib/meetings/lifecycle";

/** What every section of the meeting page is given. */
export type SectionProps = { d: MeetingDetail; user: CurrentUser; t: Translate; locale: Locale };

/** Meetings whose schedule, agenda, speakers and invitations may still change. */
export const isEditable = (d: MeetingDetail) => d.permissions.manage && isEditableStatus(d.meeting.status);

/** A server action with the meeting id bound first (ids are bound on the server, never taken from the form). */
export const bindMeeting = <T extends unknown[], R>(meetingId: string, fn: (meetingId: string, ...rest: T) => R) => fn.bind(null, meetingId) as (...rest: T) => R;
