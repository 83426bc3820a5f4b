import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import { provisioningRuns, users } from "@/db/schema";
import { auditRowsSql, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { MAX_FILE_BYTES, readPeople, readTable, readUnits, type RowError } from "./parse";
import { LIST_KINDS, classifiedUnits, countChanges, databaseErrors, deactivatedPeople, diffPerson, listPage, personRows, type Counts, type ListKind } from "./plan";

export type ProvisioningFile = { name: string; data: Buffer };
export type ProvisioningInput = { people: ProvisioningFile; units?: ProvisioningFile | null; fullExport: boolean; source: "upload" | "api" };

export const PLAN_PAGE_SIZE = 50;
export const ERROR_PAGE_SIZE = 50;

function assertAdmin(user: CurrentUser) {
  if (!can(user, "admin.manage")) throw new ForbiddenError();
}

/**
 * Reads the files and keeps them as a dry-run: the file's own errors and the database's are
 * stored with it. Nothing of the people or units changes.
 */
export async function createRun(actor: CurrentUser, input: ProvisioningInput): Promise<{ id: string }> {
  assertAdmin(actor);
  if (input.people.data.length === 0) throw new ValidationError({ people: ["provisioning.errors.noFile"] });
  if (input.people.data.length > MAX_FILE_BYTES || (input.units?.data.length ?? 0) > MAX_FILE_BYTES) throw new AppError(413, "provisioning.errors.tooLarge");
  const people = readPeople(await readTable(input.people.data));
  const units = input.units?.data.length ? readUnits(await readTable(input.units.data)) : { rows: [], errors: [] };
  const fileErrors = [...units.errors, ...people.errors];
  return db.transaction(async (tx) => {
    // Older runs are only a record: keep the last 30 days.
    await tx.delete(provisioningRuns).where(sql`${provisioningRuns.createdAt} < now() - interval '30 days'`);
    const [run] = await tx
      .insert(provisioningRuns)
      .values({
        createdBy: actor.id,
        source: input.source,
        fileName: input.people.name.slice(0, 200),
        unitsFileName: input.units?.data.length ? input.units.name.slice(0, 200) : null,
        fullExport: input.fullExport,
        people: people.rows,
        units: units.rows,
        errors: fileErrors,
      })
      .returning({ id: provisioningRuns.id });
    const id = run!.id;
    // The database's checks need rows the file could read; with the file's own errors they add to them.
    const dbErrors = await databaseErrors(id, tx);
    if (dbErrors.length) {
      const all = [...fileErrors, ...dbErrors].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === "units" ? -1 : 1));
      await tx.update(provisioningRuns).set({ errors: all }).where(eq(provisioningRuns.id, id));
    }
    return { id };
  });
}

export type RunView = {
  id: string;
  fileName: string;
  unitsFileName: string | null;
  fullExport: boolean;
  status: "dry_run" | "applied";
  createdAt: Date;
  appliedAt: Date | null;
  createdByName: string | null;
  errorCount: number;
  peopleRows: number;
  unitRows: number;
  counts: Counts;
};

export async function getRun(actor: CurrentUser, id: string): Promise<RunView> {
  assertAdmin(actor);
  const [run] = await rows<Omit<RunView, "counts" | "createdAt" | "appliedAt"> & { summary: Counts | null; createdAt: string; appliedAt: string | null }>(sql`
    select r.id, r.file_name, r.units_file_name, r.full_export, r.status, r.created_at, r.applied_at, r.summary, u.name as created_by_name,
           jsonb_array_length(r.errors) as error_count, jsonb_array_length(r.people) as people_rows, jsonb_array_length(r.units) as unit_rows
      from provisioning_runs r left join users u on u.id = r.created_by
     where r.id = ${id}`);
  if (!run) throw new NotFoundError();
  // An applied run shows what it did; a dry-run what it would do now.
  const counts = run.status === "applied" && run.summary ? run.summary : await countChanges(id, db);
  return {
    id: run.id,
    fileName: run.fileName,
    unitsFileName: run.unitsFileName,
    fullExport: run.fullExport,
    status: run.status,
    createdByName: run.createdByName,
    errorCount: run.errorCount,
    peopleRows: run.peopleRows,
    unitRows: run.unitRows,
    createdAt: new Date(run.createdAt),
    appliedAt: run.appliedAt ? new Date(run.appliedAt) : null,
    counts,
  };
}

export async function listRuns(actor: CurrentUser, limit = 10) {
  assertAdmin(actor);
  return db
    .select({
      id: provisioningRuns.id,
      fileName: provisioningRuns.fileName,
      status: provisioningRuns.status,
      createdAt: provisioningRuns.createdAt,
      appliedAt: provisioningRuns.appliedAt,
      createdByName: users.name,
    })
    .from(provisioningRuns)
    .leftJoin(users, eq(users.id, provisioningRuns.createdBy))
    .orderBy(desc(provisioningRuns.createdAt))
    .limit(limit);
}

/** One page of the run's errors (paged in SQL). */
export async function runErrors(actor: CurrentUser, id: string, page: number, pageSize = ERROR_PAGE_SIZE): Promise<RowError[]> {
  assertAdmin(actor);
  const list = await rows<{ error: RowError }>(sql`
    select e.value as error from provisioning_runs r, jsonb_array_elements(r.errors) with ordinality as e(value, n)
     where r.id = ${id} order by e.n limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return list.map((r) => r.error);
}

export async function runList(actor: CurrentUser, id: string, kind: ListKind, page: number, pageSize = PLAN_PAGE_SIZE) {
  assertAdmin(actor);
  if (!LIST_KINDS.includes(kind)) throw new NotFoundError();
  return listPage(id, kind, page, pageSize, db);
}

export class RunNotApplicable extends AppError {
  constructor(message: string) {
    super(409, message);
  }
}

/**
 * Applies a dry-run in one transaction (one at a time: an advisory lock), with set-based SQL:
 * units inserted and updated, accounts without a NIP linked by e-mail, people upserted on their
 * NIP (only rows that differ are written), people missing from a full export deactivated; a
 * changed role or unit, or a deactivation, ends the person's sessions and revokes their API
 * tokens. Every change is audited, and the run records its counts. The same file again changes
 * nothing: every write is "where something differs".
 */
export async function applyRun(actor: CurrentUser, id: string, ctx: Omit<AuditContext, "actorId"> = {}): Promise<Counts> {
  assertAdmin(actor);
  const audit: AuditContext = { actorId: actor.id, ...ctx };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rakor.provisioning'))`);
    const [run] = await tx.select({ status: provisioningRuns.status, errors: provisioningRuns.errors }).from(provisioningRuns).where(eq(provisioningRuns.id, id)).for("update");
    if (!run) throw new NotFoundError();
    if (run.status !== "dry_run") throw new RunNotApplicable("provisioning.errors.alreadyApplied");
    if (run.errors.length) throw new RunNotApplicable("provisioning.errors.hasErrors");
    // The database may have changed since the dry-run.
    if ((await databaseErrors(id, tx)).length) throw new RunNotApplicable("provisioning.errors.changedSince");

    const counts = await countChanges(id, tx);
    await applyUnits(tx, id, audit);
    await applyPeople(tx, id, audit);
    await tx.execute(sql`update provisioning_runs set status = 'applied', applied_at = now(), summary = ${JSON.stringify(counts)}::jsonb where id = ${id}`);
    const changed = LIST_KINDS.some((k) => k !== "unchanged" && counts[k] > 0);
    if (changed) await tx.execute(auditRowsSql(audit, "provisioning.apply", "provisioning_run", [{ id, diff: { ...counts } }]));
    return counts;
  });
}

async function applyUnits(tx: Tx, runId: string, audit: AuditContext) {
  const planned = await rows<{ code: string; change: string; unitId: string | null; name: string; oldName: string | null; parentCode: string | null; oldParentCode: string | null; timeZone: string; oldTimeZone: string | null }>(
    sql`select code, change, unit_id, name, old_name, parent_code, old_parent_code, time_zone, old_time_zone from (${classifiedUnits(runId)}) c where change <> 'unitUnchanged'`,
    tx,
  );
  if (!planned.length) return;
  const units = sql`(select x.code, x.name, x."parentCode" as parent_code, x."timeZone" as time_zone, x.kind
                       from provisioning_runs r, jsonb_to_recordset(r.units) as x(code text, name text, "parentCode" text, "timeZone" text, kind text)
                      where r.id = ${runId})`;
  const created = await rows<{ id: string; code: string }>(
    sql`insert into work_units (code, name, kind, time_zone)
        select x.code, x.name, coalesce(x.kind, 'technical_unit'), x.time_zone from ${units} x
         where not exists (select 1 from work_units w where upper(w.code) = upper(x.code))
        returning id, code`,
    tx,
  );
  // Names, zones, kinds and parents (the new units' too, now that every code exists), only where they differ.
  const updated = await rows<{ id: string; code: string }>(
    sql`update work_units w
           set name = x.name, time_zone = x.time_zone, kind = coalesce(x.kind, w.kind), parent_id = p.id, active = true,
               version = w.version + 1, updated_at = now()
          from ${units} x left join work_units p on upper(p.code) = upper(x.parent_code)
         where upper(w.code) = upper(x.code)
           and (w.name, w.time_zone, w.kind, w.parent_id, w.active) is distinct from (x.name, x.time_zone, coalesce(x.kind, w.kind), p.id, true)
        returning w.id, w.code`,
    tx,
  );
  const createdCodes = new Set(created.map((c) => c.code.toUpperCase()));
  const byCode = new Map(planned.map((p) => [p.code.toUpperCase(), p]));
  const entries = [
    ...created.map((c) => ({ id: c.id, action: "unit.provision_create", diff: { after: byCode.get(c.code.toUpperCase()) ?? {} } })),
    ...updated
      .filter((u) => !createdCodes.has(u.code.toUpperCase()))
      .map((u) => {
        const p = byCode.get(u.code.toUpperCase());
        return { id: u.id, action: "unit.provision_update", diff: p ? { name: [p.oldName, p.name], parent: [p.oldParentCode, p.parentCode], timeZone: [p.oldTimeZone, p.timeZone] } : {} };
      }),
  ];
  for (const action of ["unit.provision_create", "unit.provision_update"]) {
    const list = entries.filter((e) => e.action === action);
    if (list.length) await tx.execute(auditRowsSql(audit, action, "work_unit", list));
  }
}

async function applyPeople(tx: Tx, runId: string, audit: AuditContext) {
  const planned = await personRows(runId, ["created", "moved", "changed"], tx);
  const gone = await rows<{ userId: string; nip: string }>(sql`select user_id, nip from (${deactivatedPeople(runId)}) d`, tx);
  if (!planned.length && !gone.length) return;
  const file = sql`(select x.nip, x.name, x.position, x."unitCode" as unit_code, x.email, x.role
                      from provisioning_runs r, jsonb_to_recordset(r.people) as x(nip text, name text, position text, "unitCode" text, email text, role text)
                     where r.id = ${runId})`;
  // Accounts without a NIP that the file names by e-mail get the NIP, so the upsert below finds them.
  const links = planned.filter((p) => p.userId && !p.oldNip).map((p) => ({ id: p.userId, nip: p.nip }));
  if (links.length) {
    await tx.execute(sql`update users u set nip = x.nip from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as x(id uuid, nip text) where u.id = x.id and u.nip is null`);
  }
  const written = planned.length
    ? await rows<{ id: string; nip: string }>(
        sql`insert into users (nip, name, email, position, work_unit_id, role, password_hash, active)
            select f.nip, f.name, f.email, f.position, w.id, coalesce(f.role, e.role, 'participant'), null, true
              from ${file} f
              join work_units w on upper(w.code) = upper(f.unit_code)
              left join users e on e.nip = f.nip
            on conflict (nip) do update
               set name = excluded.name, email = excluded.email, position = excluded.position, work_unit_id = excluded.work_unit_id,
                   role = excluded.role, active = true, version = users.version + 1, updated_at = now(),
                   session_version = users.session_version
                     + case when users.role <> excluded.role or users.work_unit_id <> excluded.work_unit_id or not users.active then 1 else 0 end
             where (users.name, users.email, users.position, users.work_unit_id, users.role, users.active)
                   is distinct from (excluded.name, excluded.email, excluded.position, excluded.work_unit_id, excluded.role, true)
            returning users.id, users.nip`,
        tx,
      )
    : [];
  const deactivated = gone.length
    ? await rows<{ id: string }>(
        sql`update users u set active = false, session_version = u.session_version + 1, version = u.version + 1, updated_at = now()
              from jsonb_to_recordset(${JSON.stringify(gone.map((g) => ({ id: g.userId })))}::jsonb) as x(id uuid)
             where u.id = x.id and u.active
            returning u.id`,
        tx,
      )
    : [];
  // Sessions already end through the session version; API tokens of people moved, given another role or deactivated end for good.
  const idByNip = new Map(written.map((w) => [w.nip, w.id]));
  const ended = [
    ...planned.filter((p) => p.userId && (p.change === "moved" || p.oldRole !== p.newRole || p.oldActive === false)).map((p) => p.userId!),
    ...deactivated.map((d) => d.id),
  ];
  if (ended.length) {
    await tx.execute(sql`update api_tokens set revoked_at = now() where revoked_at is null and user_id in (select jsonb_array_elements_text(${JSON.stringify(ended)}::jsonb)::uuid)`);
  }
  const created = planned.filter((p) => p.change === "created" && idByNip.has(p.nip));
  const updated = planned.filter((p) => p.change !== "created" && p.userId);
  if (created.length) {
    await tx.execute(
      auditRowsSql(
        audit,
        "user.provision_create",
        "user",
        created.map((p) => ({ id: idByNip.get(p.nip)!, diff: { after: { nip: p.nip, name: p.name, email: p.email, position: p.position, unit: p.unitCodeFound ?? p.unitCode, role: p.newRole } } })),
      ),
    );
  }
  if (updated.length) await tx.execute(auditRowsSql(audit, "user.provision_update", "user", updated.map((p) => ({ id: p.userId!, diff: diffPerson(p) }))));
  if (deactivated.length) await tx.execute(auditRowsSql(audit, "user.provision_deactivate", "user", deactivated.map((d) => ({ id: d.id, diff: { active: [true, false] } }))));
}
