// Lint fixture (linted as lib/lint-fixture.ts): a use case revalidating pages itself.
import { revalidatePath } from "next/cache";

export const refresh = () => revalidatePath("/");
