import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows, type DbOrTx } from "@/db/client";
import type { RowError } from "./parse";

/**
 * What a provisioning run would do, computed in SQL from the rows the run keeps (one statement
 * for all people, however many): each person is "created", "moved" (another unit, maybe more),
 * "changed" (name, e-mail, position, role, NIP assigned or reactivated) or "unchanged"; with a
 * full export, active people with a NIP in the units it covers whom it lacks are "deactivated"
 * (never the admin who uploaded it). Database-level problems — a unit code that is neither an active unit in Rakor nor
 * in the units file, an e-mail that belongs to someone else, a unit whose parent is unknown —
 * are row errors like the file's own.
 *
 * A person is the account with the same NIP, else the account without a NIP with the same
 * e-mail (it gets the NIP); a role cell left empty keeps the account's role (new: participant).
 */
export const PERSON_CHANGES = ["created", "moved", "changed", "unchanged", "deactivated"] as const;
export const UNIT_CHANGES = ["unitCreated", "unitChanged"] as const;
export type ListKind = (typeof PERSON_CHANGES)[number] | (typeof UNIT_CHANGES)[number];
export const LIST_KINDS: readonly ListKind[] = [...UNIT_CHANGES, ...PERSON_CHANGES];

/** The run's people joined to what Rakor has; one row per file row. */
export function classifiedPeople(runId: string): SQL {
  return sql`
    with f as (
      select x.line, x.nip, x.name, x.position, x."unitCode" as unit_code, x.email, x.role
        from provisioning_runs r,
             jsonb_to_recordset(r.people) as x(line int, nip text, name text, position text, "unitCode" text, email text, role text)
       where r.id = ${runId}
    ), fu as (
      select upper(x.code) as code
        from provisioning_runs r, jsonb_to_recordset(r.units) as x(code text)
       where r.id = ${runId}
    ), m as (
      select f.*, u.id as user_id, u.nip as old_nip, u.name as old_name, u.email as old_email, u.position as old_position,
             u.role as old_role, u.active as old_active, u.work_unit_id as old_unit_id, ou.code as old_unit_code,
             w.id as unit_id, w.code as unit_code_found,
             ((w.id is null or not w.active) and not exists (select 1 from fu where fu.code = upper(f.unit_code))) as unit_unknown,
             et.nip as email_owner_nip, (et.id is not null) as email_taken
        from f
        left join users bn on bn.nip = f.nip
        left join users be on bn.id is null and be.nip is null and lower(be.email) = f.email
        left join users u on u.id = coalesce(bn.id, be.id)
        left join work_units w on upper(w.code) = upper(f.unit_code)
        left join work_units ou on ou.id = u.work_unit_id
        left join users et on lower(et.email) = f.email and et.id is distinct from u.id
    )
    select m.*, coalesce(m.role, m.old_role, 'participant') as new_role,
           case
             when m.user_id is null then 'created'
             when m.unit_id is distinct from m.old_unit_id then 'moved'
             when m.old_nip is null
               or (m.old_name, m.old_email, m.old_position, m.old_role, m.old_active)
                  is distinct from (m.name, m.email, m.position, coalesce(m.role, m.old_role), true) then 'changed'
             else 'unchanged'
           end as change
      from m`;
}

/**
 * Active people with a NIP whom a full export leaves out: people of the units the export covers
 * (a unit named by a person or by the units file) who are not in it — never the uploader. A unit
 * the export does not mention is not its business.
 */
export function deactivatedPeople(runId: string): SQL {
  return sql`
    with r as (select full_export, created_by, people, units from provisioning_runs where id = ${runId}),
    fn as (select x.nip, upper(x."unitCode") as unit_code from r, jsonb_to_recordset(r.people) as x(nip text, "unitCode" text)),
    covered as (select unit_code as code from fn union select upper(x.code) from r, jsonb_to_recordset(r.units) as x(code text))
    select u.id as user_id, u.nip, u.name, u.email, u.position, u.role as old_role, w.code as old_unit_code
      from users u
      join work_units w on w.id = u.work_unit_id
      join covered c on c.code = upper(w.code)
      left join fn on fn.nip = u.nip
     where (select full_export from r) and u.active and u.nip is not null and fn.nip is null
       and u.id is distinct from (select created_by from r)`;
}

/** The run's units joined to what Rakor has. */
export function classifiedUnits(runId: string): SQL {
  return sql`
    with fu as (
      select x.line, x.code, x.name, x."parentCode" as parent_code, x."timeZone" as time_zone, x.kind
        from provisioning_runs r,
             jsonb_to_recordset(r.units) as x(line int, code text, name text, "parentCode" text, "timeZone" text, kind text)
       where r.id = ${runId}
    )
    select fu.*, w.id as unit_id, w.name as old_name, w.time_zone as old_time_zone, w.kind as old_kind, w.active as old_active,
           op.code as old_parent_code, p.id as parent_id,
           (fu.parent_code is not null and p.id is null and not exists (select 1 from fu f2 where upper(f2.code) = upper(fu.parent_code))) as parent_unknown,
           case
             when w.id is null then 'unitCreated'
             when (w.name, w.time_zone, w.kind, w.active, upper(op.code)) is distinct from (fu.name, fu.time_zone, coalesce(fu.kind, w.kind), true, upper(fu.parent_code)) then 'unitChanged'
             else 'unitUnchanged'
           end as change
      from fu
      left join work_units w on upper(w.code) = upper(fu.code)
      left join work_units op on op.id = w.parent_id
      left join work_units p on upper(p.code) = upper(fu.parent_code)`;
}

type UnitLink = { line: number; code: string; parentCode: string | null; parentColumn: string };

/**
 * The problems only the database can tell: unknown units, e-mails of someone else, unknown
 * parents, and parent chains that would loop (the tree as it would be after applying).
 */
export async function databaseErrors(runId: string, handle: DbOrTx): Promise<RowError[]> {
  const errors: RowError[] = [];
  const people = await rows<{ line: number; unitUnknown: boolean; emailTaken: boolean; emailOwnerNip: string | null; unitCode: string }>(
    sql`select line, unit_unknown, email_taken, email_owner_nip, unit_code from (${classifiedPeople(runId)}) c where unit_unknown or email_taken order by line limit 5000`,
    handle,
  );
  for (const p of people) {
    if (p.unitUnknown) errors.push({ file: "people", line: p.line, column: "Kode Unit", message: "provisioning.errors.unknownUnit", params: { code: p.unitCode } });
    if (p.emailTaken) errors.push({ file: "people", line: p.line, column: "E-mail", message: "provisioning.errors.emailTaken", params: { nip: p.emailOwnerNip ?? "-" } });
  }
  const units = await rows<{ line: number; code: string; parentCode: string | null; parentUnknown: boolean }>(
    sql`select line, code, parent_code, parent_unknown from (${classifiedUnits(runId)}) c order by line`,
    handle,
  );
  for (const u of units) {
    if (u.parentUnknown) errors.push({ file: "units", line: u.line, column: "Kode Induk", message: "provisioning.errors.unknownUnit", params: { code: u.parentCode ?? "" } });
  }
  if (units.length) errors.push(...(await loops(units.map((u) => ({ ...u, parentColumn: "Kode Induk" })), handle)));
  return errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === "units" ? -1 : 1));
}

/** Units of the file whose parent chain (file over database) comes back to themselves. */
async function loops(fileUnits: UnitLink[], handle: DbOrTx): Promise<RowError[]> {
  const existing = await rows<{ code: string; parentCode: string | null }>(
    sql`select upper(w.code) as code, upper(p.code) as parent_code from work_units w left join work_units p on p.id = w.parent_id`,
    handle,
  );
  const parent = new Map(existing.map((u) => [u.code, u.parentCode]));
  for (const u of fileUnits) parent.set(u.code.toUpperCase(), u.parentCode?.toUpperCase() ?? null);
  const errors: RowError[] = [];
  for (const u of fileUnits) {
    let at = parent.get(u.code.toUpperCase()) ?? null;
    for (let steps = 0; at && steps <= parent.size; steps++) {
      if (at === u.code.toUpperCase()) {
        errors.push({ file: "units", line: u.line, column: u.parentColumn, message: "provisioning.errors.loop" });
        break;
      }
      at = parent.get(at) ?? null;
    }
  }
  return errors;
}

export type Counts = Record<ListKind, number>;

/** How many of each: people by change, units created and changed. */
export async function countChanges(runId: string, handle: DbOrTx): Promise<Counts> {
  const [people, units, gone] = await Promise.all([
    rows<{ change: string; n: number }>(sql`select change, count(*)::int as n from (${classifiedPeople(runId)}) c group by change`, handle),
    rows<{ change: string; n: number }>(sql`select change, count(*)::int as n from (${classifiedUnits(runId)}) c group by change`, handle),
    rows<{ n: number }>(sql`select count(*)::int as n from (${deactivatedPeople(runId)}) d`, handle),
  ]);
  const counts = Object.fromEntries(LIST_KINDS.map((k) => [k, 0])) as Counts;
  for (const r of [...people, ...units]) if (r.change in counts) counts[r.change as ListKind] = r.n;
  counts.deactivated = gone[0]?.n ?? 0;
  return counts;
}

export type PlanItem = {
  line: number | null;
  nip: string | null;
  code: string | null;
  name: string;
  email: string | null;
  unitCode: string | null;
  oldUnitCode: string | null;
  role: string | null;
  oldRole: string | null;
  /** Field → [before, after] for a change. */
  fields: Record<string, [unknown, unknown]>;
};

const diffPerson = (r: PersonPlanRow): Record<string, [unknown, unknown]> => {
  const out: Record<string, [unknown, unknown]> = {};
  if (r.change === "created" || r.change === "deactivated") return out;
  const pairs: [string, unknown, unknown][] = [
    ["nip", r.oldNip, r.nip],
    ["name", r.oldName, r.name],
    ["email", r.oldEmail, r.email],
    ["position", r.oldPosition, r.position],
    ["role", r.oldRole, r.newRole],
    ["workUnit", r.oldUnitCode, r.unitCodeFound ?? r.unitCode],
    ["active", r.oldActive, true],
  ];
  for (const [k, a, b] of pairs) if (a !== b && !(k === "workUnit" && String(a).toUpperCase() === String(b).toUpperCase())) out[k] = [a, b];
  return out;
};

type PersonPlanRow = {
  line: number;
  nip: string;
  name: string;
  position: string;
  unitCode: string;
  email: string;
  userId: string | null;
  oldNip: string | null;
  oldName: string | null;
  oldEmail: string | null;
  oldPosition: string | null;
  oldRole: string | null;
  oldActive: boolean | null;
  oldUnitCode: string | null;
  unitCodeFound: string | null;
  newRole: string;
  change: string;
};

/** Every person row of one kind (apply uses them for the audit). */
export async function personRows(runId: string, kinds: string[], handle: DbOrTx, page?: { limit: number; offset: number }): Promise<PersonPlanRow[]> {
  const limit = page ? sql`limit ${page.limit} offset ${page.offset}` : sql``;
  return rows<PersonPlanRow>(
    sql`select line, nip, name, position, unit_code, email, user_id, old_nip, old_name, old_email, old_position, old_role, old_active, old_unit_code,
               unit_code_found, new_role, change
          from (${classifiedPeople(runId)}) c
         where change in (select jsonb_array_elements_text(${JSON.stringify(kinds)}::jsonb))
         order by line ${limit}`,
    handle,
  );
}

/** One page of a list of the dry-run, in SQL. */
export async function listPage(runId: string, kind: ListKind, page: number, pageSize: number, handle: DbOrTx): Promise<PlanItem[]> {
  const offset = (page - 1) * pageSize;
  if (kind === "deactivated") {
    const gone = await rows<{ nip: string; name: string; email: string; oldRole: string; oldUnitCode: string }>(
      sql`select nip, name, email, old_role, old_unit_code from (${deactivatedPeople(runId)}) d order by nip limit ${pageSize} offset ${offset}`,
      handle,
    );
    return gone.map((g) => ({ line: null, nip: g.nip, code: null, name: g.name, email: g.email, unitCode: g.oldUnitCode, oldUnitCode: g.oldUnitCode, role: g.oldRole, oldRole: g.oldRole, fields: {} }));
  }
  if (kind === "unitCreated" || kind === "unitChanged") {
    const units = await rows<{ line: number; code: string; name: string; oldName: string | null; parentCode: string | null; oldParentCode: string | null; timeZone: string; oldTimeZone: string | null }>(
      sql`select line, code, name, old_name, parent_code, old_parent_code, time_zone, old_time_zone from (${classifiedUnits(runId)}) c
           where change = ${kind} order by line limit ${pageSize} offset ${offset}`,
      handle,
    );
    return units.map((u) => {
      const fields: Record<string, [unknown, unknown]> = {};
      if (kind === "unitChanged") {
        if (u.oldName !== u.name) fields.name = [u.oldName, u.name];
        if ((u.oldParentCode ?? "").toUpperCase() !== (u.parentCode ?? "").toUpperCase()) fields.parent = [u.oldParentCode, u.parentCode];
        if (u.oldTimeZone !== u.timeZone) fields.timeZone = [u.oldTimeZone, u.timeZone];
      }
      return { line: u.line, nip: null, code: u.code, name: u.name, email: null, unitCode: u.parentCode, oldUnitCode: u.oldParentCode, role: null, oldRole: null, fields };
    });
  }
  const people = await personRows(runId, [kind], handle, { limit: pageSize, offset });
  return people.map((p) => ({
    line: p.line,
    nip: p.nip,
    code: null,
    name: p.name,
    email: p.email,
    unitCode: p.unitCodeFound ?? p.unitCode,
    oldUnitCode: p.oldUnitCode,
    role: p.newRole,
    oldRole: p.oldRole,
    fields: diffPerson(p),
  }));
}

export { diffPerson };
