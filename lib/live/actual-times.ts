import { formatTime } from "@/lib/time";

/**
 * "09.00–09.14 WIB": an agenda item's actual times in the meeting's zone (client-safe). Started
 * but not ended: "09.00–…"; never started: null.
 */
export function actualRange(startedAt: Date | null, endedAt: Date | null, tz: string, locale: "id" | "en" = "id"): string | null {
  if (!startedAt) return null;
  const start = formatTime(startedAt, tz, locale).replace(/ \S+$/, "");
  return endedAt ? `${start}–${formatTime(endedAt, tz, locale)}` : `${start}–…`;
}
