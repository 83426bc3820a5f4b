import type { Role } from "@/db/schema";
import type { Locale } from "@/lib/time";

/** The signed-in user as every use case and the policy see them. */
export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  position: string;
  workUnitId: string;
  workUnitName: string;
  /** The unit whose subtree a secretariat or head oversees: their division (or their unit at the top). */
  scopeUnitId: string;
  /** Every unit in that subtree, the scope unit included. */
  scopeUnitIds: readonly string[];
  timeZone: string;
  locale: Locale;
};
