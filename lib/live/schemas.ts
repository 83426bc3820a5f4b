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
