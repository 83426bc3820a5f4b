/**
 * The enum lists screens show (select options, badges), re-exported from the schema so that
 * components and pages never import db/. Client-safe: plain constant arrays.
 */
export {
  ACTION_ITEM_STATUSES,
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  PRIORITIES,
  ROLES,
  SERIES_RULES,
  SPEAKER_ROLES,
  TIME_ZONES,
  WORK_UNIT_KINDS,
} from "@/db/schema/_enums";
