import type { MeetingStatus, Role } from "@/db/schema";
import type { Actor, MeetingResource } from "@/lib/permissions";

/**
 * The one fixture of the policy tests (no database): two divisions and their units, actors of any
 * role in any unit, and a meeting organised by DIV.
 */
export const DIV = "div-imi";
export const MALANG = "kanim-malang";
export const BLITAR = "kanim-blitar";
export const OTHER_DIV = "div-pas";
export const LAPAS = "lapas";

const DIVISIONS: readonly (readonly string[])[] = [
  [DIV, MALANG, BLITAR],
  [OTHER_DIV, LAPAS],
];

/** A user of `role` in `unit`, overseeing that unit's division. */
export const actor = (role: Role, unit: string): Actor => ({
  id: `${role}-${unit}`,
  role,
  workUnitId: unit,
  scopeUnitIds: DIVISIONS.find((d) => d.includes(unit)) ?? [unit],
});

/** A meeting organised by DIV, inviting `invited` (MALANG by default). */
export const meeting = (status: MeetingStatus, invited: readonly string[] = [MALANG], minuteTakerUserIds: readonly string[] = []): MeetingResource => ({
  status,
  organizerUnitId: DIV,
  invitedUnitIds: invited,
  minuteTakerUserIds,
});
