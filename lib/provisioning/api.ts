import "server-only";
import type { AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ValidationError } from "@/lib/errors";
import { createT } from "@/lib/i18n/translate";
import type { RowError } from "./parse";
import type { z } from "zod";
import type { provisioningBody } from "./schemas";
import { applyRun, createRun, getRun, runErrors } from "./runs";

const en = createT("en");
const errorJson = (e: RowError) => ({ file: e.file, line: e.line, column: e.column, message: en(e.message, e.params ?? {}) });

/**
 * The personnel system's call: the CSV text becomes a run like an upload; a dry run reports it,
 * an apply applies it at once — refused (422, every error by line and column) while it has errors.
 */
export async function provisionFromApi(user: CurrentUser, body: z.output<typeof provisioningBody>, apply: boolean, ctx: Omit<AuditContext, "actorId">) {
  const { id } = await createRun(user, {
    people: { name: body.fileName ?? "api.csv", data: Buffer.from(body.people, "utf8") },
    units: body.units ? { name: "units.csv", data: Buffer.from(body.units, "utf8") } : null,
    fullExport: body.fullExport,
    source: "api",
  });
  const run = await getRun(user, id);
  const errors = run.errorCount ? (await runErrors(user, id, 1, 500)).map(errorJson) : [];
  if (apply && run.errorCount) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of errors) (fieldErrors[`${e.file}:${e.line}:${e.column}`] ??= []).push(e.message);
    throw new ValidationError(fieldErrors);
  }
  const counts = apply ? await applyRun(user, id, ctx) : run.counts;
  return { runId: id, status: apply ? ("applied" as const) : ("dry_run" as const), counts, errorCount: run.errorCount, errors };
}
