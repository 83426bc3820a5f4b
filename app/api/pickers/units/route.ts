import { pickerRoute } from "@/lib/api/picker-route";
import { searchUnits } from "@/lib/pickers";

/** Search-as-you-type for work units (filters, invitations, owner of a follow-up): at most 20 matches. */
export const GET = pickerRoute(searchUnits);
