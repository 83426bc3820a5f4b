import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./_shared";
import { users } from "./org";

/**
 * One upload of personnel data (SIMPEG export): the parsed rows are kept so the dry-run's lists
 * page in SQL and "apply" applies exactly what was previewed (lib/provisioning).
 */
export const provisioningRuns = pgTable(
  "provisioning_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Where it came from: the admin page ("upload") or the API ("api"). */
    source: text("source").notNull(),
    fileName: text("file_name").notNull().default(""),
    unitsFileName: text("units_file_name"),
    /** A full export: active people with a NIP missing from it are deactivated. */
    fullExport: boolean("full_export").notNull().default(false),
    /** [{ line, nip, name, position, unitCode, email, role }] */
    people: jsonb("people").$type<unknown[]>().notNull().default([]),
    /** [{ line, code, name, parentCode, timeZone, kind }] */
    units: jsonb("units").$type<unknown[]>().notNull().default([]),
    /** Errors found while reading the files: [{ file, line, column, message, params }]. */
    errors: jsonb("errors").$type<unknown[]>().notNull().default([]),
    status: text("status").notNull().default("dry_run"),
    /** The counts written when it was applied. */
    summary: jsonb("summary").$type<Record<string, number>>(),
    appliedAt: tstz("applied_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("provisioning_runs_created_idx").on(t.createdAt),
    index("provisioning_runs_created_by_idx").on(t.createdBy),
    check("provisioning_runs_status_ck", sql`status in ('dry_run','applied')`),
    check("provisioning_runs_source_ck", sql`source in ('upload','api')`),
  ],
);

export type ProvisioningRun = typeof provisioningRuns.$inferSelect;
