// Lint fixture (linted as lib/lint-fixture.ts): a use case deciding the response page.
import { notFound } from "next/navigation";

export const missing = () => notFound();
