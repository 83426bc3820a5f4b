// Lint fixture (linted as app/lint-fixture/page.tsx): a page querying the database itself.
import { db } from "@/db/client";

export const handle = db;
