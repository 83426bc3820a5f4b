import { pickerRoute } from "@/lib/api/picker-route";
import { suggestRooms } from "@/lib/offices/room-match";

/** The organizer's office's managed rooms most like the place being typed (trigram similarity): at most 5. */
export const GET = pickerRoute(suggestRooms);
