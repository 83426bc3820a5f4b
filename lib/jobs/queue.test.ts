import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { JOB_SCHEMA, QUEUES, queue } from "@/db/queue";
import { enqueue } from "./enqueue";
import { jobSchedules } from "./handlers";

const waiting = async (name: string) =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(JOB_SCHEMA)}.job where name = ${name} and state in ('created', 'retry')`))[0].n;

describe("the job queue (pg-boss on the app's database)", () => {
  it("has every queue of QUEUES with its retry policy after migrating", async () => {
    const queues = await queue().getQueues();
    for (const [name, policy] of Object.entries(QUEUES)) {
      const q = queues.find((x) => x.name === name);
      expect(q, name).toBeDefined();
      expect(q!.retryLimit).toBe(policy.retryLimit);
      expect(q!.retryBackoff).toBe(policy.retryBackoff);
    }
  });

  it("keeps a job enqueued in a transaction only if the transaction commits", async () => {
    const before = await waiting("reminders");
    await db
      .transaction(async (tx) => {
        await enqueue(tx, "reminders", {});
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await waiting("reminders")).toBe(before);
    const id = await db.transaction(async (tx) => enqueue(tx, "reminders", {}));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await waiting("reminders")).toBe(before + 1);
  });

  it("hands a job to one fetch only, however many workers ask at once", async () => {
    await db.transaction(async (tx) => enqueue(tx, "reminders", {}));
    const n = await waiting("reminders");
    const fetched = await Promise.all(Array.from({ length: 6 }, () => queue().fetch("reminders", { batchSize: 100 })));
    const ids = fetched.flat().map((j) => j.id);
    expect(fetched.flat().map((j) => j.data)).toContainEqual({});
    expect(ids.length).toBe(n);
    expect(new Set(ids).size).toBe(n);
    expect(await waiting("reminders")).toBe(0);
  });

  it("turns REMINDERS_EVERY_MINUTES into a cron step that divides the hour, or none", () => {
    const at = (v: string | undefined) => {
      const old = process.env.REMINDERS_EVERY_MINUTES;
      if (v === undefined) delete process.env.REMINDERS_EVERY_MINUTES;
      else process.env.REMINDERS_EVERY_MINUTES = v;
      try {
        return jobSchedules().filter((s) => s.name === "reminders").map((s) => s.cron);
      } finally {
        if (old === undefined) delete process.env.REMINDERS_EVERY_MINUTES;
        else process.env.REMINDERS_EVERY_MINUTES = old;
      }
    };
    expect(at(undefined)).toEqual(["*/15 * * * *"]);
    expect(at("7")).toEqual(["*/6 * * * *"]);
    expect(at("90")).toEqual(["0 * * * *"]);
    expect(at("0")).toEqual([]);
  });
});
