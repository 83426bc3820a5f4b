/**
 * Completion of a set of follow-ups, 0..100: verified ÷ (total − cancelled). Cancelled items are
 * not work left to do, so they count neither way. Null when nothing is left to count.
 */
export function completionRate(a: { total: number; cancelled: number; verified: number }): number | null {
  const base = a.total - a.cancelled;
  return base > 0 ? (100 * a.verified) / base : null;
}
