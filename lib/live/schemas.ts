import { z } from "zod";
import { checkbox, optionalText } from "@/lib/meetings/schemas";

/** Client-safe inputs of the live console. */
export const callSpeakerSchema = z.object({
  /** A speaker of the meeting; empty: the next one after the current (in speaker order). */
  speakerId: z.preprocess((v) => (v === "" || v == null ? null : v), z.uuid("errors.invalid").nullable()),
  /** true: nobody speaks now (the speaker sat down). */
  clear: checkbox.default(false),
});
export const itemNoteSchema = z.object({ note: optionalText(5000, "multiline") });
export const checkInSwitchSchema = z.object({ open: checkbox });

/** A participant asks for the floor (speakers' queue, issue 23): optionally naming an agenda item and the topic. */
export const floorRequestSchema = z.object({
  agendaItemId: z.preprocess((v) => (v === "" || v == null ? null : v), z.uuid("errors.invalid").nullable()),
  topic: optionalText(200),
});

/** The moderator's queue switch and the time allowed per turn (empty: no limit). */
export const queueSettingsSchema = z.object({
  open: checkbox,
  turnMinutes: z.preprocess(
    (v) => (v === "" || v == null ? null : v),
    z.coerce.number("errors.invalid").int("errors.invalid").min(1, "live.queue.errors.turnMinutes").max(60, "live.queue.errors.turnMinutes").nullable(),
  ),
});
