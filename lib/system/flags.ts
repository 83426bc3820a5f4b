import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { DEMO_SEEDED_FLAG, appFlags } from "@/db/schema";

/** Whether this installation was seeded with the demo data (the demo accounts exist). */
export async function demoSeeded(): Promise<boolean> {
  const [row] = await db.select({ value: appFlags.value }).from(appFlags).where(eq(appFlags.key, DEMO_SEEDED_FLAG));
  return row?.value === true;
}
