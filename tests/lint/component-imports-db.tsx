// Lint fixture (linted as components/lint-fixture.tsx): a component reaching into db/.
import { MEETING_STATUSES } from "@/db/schema/_enums";

export const statuses = MEETING_STATUSES;
