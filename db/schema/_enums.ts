// Enumerations without table definitions, safe to import from client components.
export const TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export const WORK_UNIT_KINDS = ["regional_office", "division", "technical_unit"] as const;
export const ROLES = ["admin", "secretariat", "head", "participant"] as const;
export const MEETING_KINDS = ["rakor", "briefing", "workshop", "other"] as const;
export const MEETING_STATUSES = ["draft", "scheduled", "ongoing", "completed", "cancelled"] as const;
export const SERIES_RULES = ["weekly", "monthly", "quarterly"] as const;
export const SPEAKER_ROLES = ["opening_remarks", "keynote", "resource_person", "moderator", "minute_taker"] as const;
export const RSVP_RESPONSES = ["pending", "attending", "represented", "declined"] as const;
export const ATTENDANCE_STATUSES = ["present", "represented", "excused", "sick", "official_duty", "absent"] as const;
export const CHECK_IN_METHODS = ["manual", "self_check_in"] as const;
export const AGENDA_ITEM_KINDS = ["regular", "follow_up_review"] as const;
export const ACTION_ITEM_STATUSES = ["open", "in_progress", "reported", "verified", "cancelled"] as const;
export const PRIORITIES = ["low", "medium", "high"] as const;
export const UPDATE_KINDS = ["created", "progress", "transition", "extension_request", "extension_decision", "review"] as const;
export const EXTENSION_STATUSES = ["pending", "approved", "rejected"] as const;
/** Letters an office issues for a meeting (issue 19): undangan, surat perubahan jadwal, pemberitahuan pembatalan. */
export const LETTER_KINDS = ["invitation", "reschedule", "cancellation"] as const;
/** Sifat surat. */
export const LETTER_NATURES = ["biasa", "segera", "sangat_segera", "rahasia"] as const;
/** The line above the signer's position when signing for someone else. */
export const ON_BEHALF_KINDS = ["an", "ub", "plt", "plh"] as const;
/** Frozen records: the finalized notulen and every issued letter. */
export const DOCUMENT_KINDS = ["minutes", "invitation", "reschedule", "cancellation"] as const;
