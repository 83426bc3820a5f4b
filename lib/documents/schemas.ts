import { z } from "zod";
import { requiredText } from "@/lib/meetings/schemas";

/** Withdrawing (menarik) an issued letter: why, in a sentence the register and the verification page show. */
export const withdrawLetterSchema = z.object({ reason: requiredText(500, "multiline") });
export type WithdrawLetterInput = z.input<typeof withdrawLetterSchema>;
