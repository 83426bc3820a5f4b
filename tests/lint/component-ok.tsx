// Lint fixture (linted as components/lint-fixture.tsx): the allowed way to show enum lists.
import { MEETING_STATUSES } from "@/lib/enums";

export const statuses = MEETING_STATUSES;
