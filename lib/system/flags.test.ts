import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { DEMO_SEEDED_FLAG, appFlags } from "@/db/schema";
import { demoSeeded } from "./flags";

describe("the demo password hint", () => {
  it("is shown on an installation the demo seed filled (the seed sets the flag), and read from the database", async () => {
    const [row] = await db.select().from(appFlags).where(eq(appFlags.key, DEMO_SEEDED_FLAG));
    expect(row?.value).toBe(true);
    expect(await demoSeeded()).toBe(true);
  });
});
