// Lint fixture (linted as lib/lint-fixture.ts): a use case importing a screen and a route.
import { Badge } from "@/components/ui/badge";
import { requireAdmin } from "@/app/(app)/admin/guard";

export const parts = [Badge, requireAdmin];
