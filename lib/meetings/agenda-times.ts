/** Client-safe: computed start times of agenda items from the meeting start, and the over-length check. */
export type TimedItem<T> = T & { startsAt: Date; endsAt: Date };

export function scheduleAgenda<T extends { durationMinutes: number }>(meetingStart: Date, meetingEnd: Date, items: readonly T[]) {
  let cursor = meetingStart.getTime();
  const timed: TimedItem<T>[] = items.map((item) => {
    const startsAt = new Date(cursor);
    cursor += item.durationMinutes * 60_000;
    return { ...item, startsAt, endsAt: new Date(cursor) };
  });
  const totalMinutes = items.reduce((sum, i) => sum + i.durationMinutes, 0);
  const meetingMinutes = Math.round((meetingEnd.getTime() - meetingStart.getTime()) / 60_000);
  return { items: timed, totalMinutes, meetingMinutes, overLength: totalMinutes > meetingMinutes };
}
