// Lint fixture (linted as db/lint-fixture.ts): the schema layer depending on a use case.
import { can } from "@/lib/permissions";

export const policy = can;
