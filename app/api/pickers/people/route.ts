import { pickerRoute } from "@/lib/api/picker-route";
import { searchPeople } from "@/lib/pickers";

/** Search-as-you-type for people (chair, speaker, attendee, person in charge): at most 20 matches. */
export const GET = pickerRoute(searchPeople);
