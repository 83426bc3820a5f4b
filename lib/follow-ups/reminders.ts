import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import { jobRuns } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import { createT } from "@/lib/i18n/translate";
import { can } from "@/lib/permissions";
import { advanceOverdueCutoffs, compactFollowUpCounts } from "@/lib/follow-ups/dashboard";
import { unitActorsSql } from "@/lib/notifications/notify";
import { pastDueSql, todaySql } from "./overdue";
import { emailJobsSql, newEmailStatus } from "@/lib/mail/send";

/** Days before the due date when the "due soon" reminder goes out. */
export const DUE_SOON_DAYS = 3;

const appUrl = () => (process.env.APP_URL ?? "").replace(/\/$/, "");

const MONTHS = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** The payload's due date ("2027-03-31") as a reader writes it ("31 Maret 2027"), in SQL. */
function dueDateText(locale: "id" | "en"): SQL {
  const d = sql`(n.payload->>'dueDate')::date`;
  return sql`coalesce(extract(day from ${d})::int || ' ' || (${`{${MONTHS[locale].join(",")}}`}::text[])[extract(month from ${d})::int] || ' ' || extract(year from ${d})::int, '')`;
}

/** A message template filled in by PostgreSQL from the notification's payload `n.payload`. */
function filled(template: string, locale: "id" | "en"): SQL {
  return sql`replace(replace(replace(${template}::text, '{title}', coalesce(n.payload->>'title', '')), '{unit}', coalesce(n.payload->>'unitName', '')), '{dueDate}', ${dueDateText(locale)})`;
}

/**
 * One kind of reminder for a whole set of (recipient, item) rows, in two statements: the
 * notifications (dedupe key unique: a second run creates nothing) and their emails.
 * `source` selects user_id, item_id, title, unit_name, due_date (text) and key (dedupe key).
 */
async function remind(tx: Tx, kind: "due_soon" | "overdue" | "overdue_escalated", source: SQL): Promise<number> {
  const idT = createT("id");
  const enT = createT("en");
  const status = newEmailStatus();
  const subjectId = idT(`followUps.notifications.kinds.${kind}`);
  const subjectEn = enT(`followUps.notifications.kinds.${kind}`);
  const bodyId = idT("followUps.notifications.emailBody");
  const bodyEn = enT("followUps.notifications.emailBody");
  const [result] = await rows<{ n: number }>(
    sql`
    with s as (${source}),
    n as (
      insert into notifications (user_id, kind, payload, dedupe_key)
      select s.user_id, ${kind}, jsonb_build_object('itemId', s.item_id, 'title', s.title, 'unitName', s.unit_name, 'dueDate', s.due_date), s.key
        from s
      on conflict (dedupe_key) do nothing
      returning user_id, payload, dedupe_key
    ),
    e as (
      insert into outbox_emails (to_address, subject, body, status, dedupe_key)
      select u.email,
             case when u.locale = 'en' then ${filled(subjectEn, "en")} else ${filled(subjectId, "id")} end,
             case when u.locale = 'en' then ${filled(subjectEn, "en")} else ${filled(subjectId, "id")} end || E'\n\n' ||
               replace(case when u.locale = 'en' then ${filled(bodyEn, "en")} else ${filled(bodyId, "id")} end, '{url}', ${appUrl()} || '/follow-ups/' || (n.payload->>'itemId')),
             ${status}, n.dedupe_key
        from n join users u on u.id = n.user_id
       where not exists (select 1 from notification_email_mutes m where m.user_id = u.id and m.kind = ${kind})
      on conflict (dedupe_key) do nothing
      returning id, status
    ),
    j as (${emailJobsSql(sql`select id from e where status = 'pending'`)})
    select (select count(*) from n)::int as n`,
    tx,
  );
  return Number(result?.n ?? 0);
}

/**
 * Open items in a due-date window, with the unit's "today" and their owning division (nearest
 * division at or above). Only the window is read (partial index on open items by due date): an
 * item can only have become due soon or overdue since the last run if its due date is in it.
 */
const openItems = (from: string, to: string) => sql`
  with recursive chain as (
    select id as unit_id, id as anc_id, parent_id, kind, 0 as depth from work_units
    union all
    select c.unit_id, w.id, w.parent_id, w.kind, c.depth + 1 from chain c join work_units w on w.id = c.parent_id
  ),
  owner_div as (
    select distinct on (unit_id) unit_id, anc_id as div_id from chain where kind = 'division' order by unit_id, depth
  ),
  items as (
    select a.id, a.title, a.work_unit_id, a.pic_user_id, to_char(a.due_date, 'YYYY-MM-DD') as due_text, a.due_date,
           w.name as unit_name, ${todaySql(sql`w.time_zone`)} as today,
           coalesce(od.div_id, a.work_unit_id) as div_id
      from action_items a
      join work_units w on w.id = a.work_unit_id
      left join owner_div od on od.unit_id = a.work_unit_id
     where a.status in ('open', 'in_progress', 'reported')
       and a.due_date between ${from}::date and ${to}::date
  )`;

/** The person in charge, or the unit's heads and designated contacts when the item has none. */
const ownerRecipients = (items: SQL, where: SQL, prefix: string) => sql`
  ${items}
  select u.id as user_id, i.id as item_id, i.title, i.unit_name, i.due_text as due_date,
         ${prefix} || ':' || i.id || ':' || i.due_text || ':' || u.id as key
    from items i
    join lateral (
      select p.id from users p where p.active and p.id = i.pic_user_id
      union all
      select ua.id from (${unitActorsSql(sql`array[i.work_unit_id]`)}) ua where i.pic_user_id is null
    ) r on true
    join users u on u.id = r.id
   where ${where}`;

/** How far back the overdue window reaches when the job has not run for a while (or never). */
export const REMINDER_LOOKBACK_DAYS = 30;

export type ReminderResult = { dueSoon: number; overdue: number; escalated: number };

/**
 * The reminders job (`npm run reminders`, e.g. hourly from cron): "due in 3 days" to the person
 * in charge (or the unit's heads and designated contacts), "overdue" to them and escalated to the owning division's head.
 * Idempotent: every reminder has a dedupe key (kind, item, due date, recipient), so running it
 * twice — or on two instances at once (the second skips while the first holds the lock) — creates
 * no duplicates. It reads only a due-date window (since the day before its last run), so a run
 * with nothing new takes milliseconds however many follow-ups there are; it also folds the
 * dashboard's summary rows.
 * A changed due date (approved extension) earns a new reminder.
 */
export async function runReminders(): Promise<ReminderResult> {
  // The window: from the day before the last finished run (at most REMINDER_LOOKBACK_DAYS back)
  // to a few days ahead; dates are widened by a day for the zones (WIB to WIT).
  const [last] = await rows<{ at: string | Date | null }>(sql`select max(created_at) as at from job_runs where job = 'reminders' and finished_at is not null`);
  const day = 86_400_000;
  const now = Date.now();
  const lastAt = last?.at ? new Date(last.at).getTime() : 0;
  const from = new Date(Math.max(now - REMINDER_LOOKBACK_DAYS * day, lastAt - 2 * day)).toISOString().slice(0, 10);
  const to = new Date(now + (DUE_SOON_DAYS + 2) * day).toISOString().slice(0, 10);
  const items = openItems(from, to);
  const [run] = await db.insert(jobRuns).values({ job: "reminders" }).returning({ id: jobRuns.id });
  const counts = await db.transaction(async (tx) => {
    // Another instance running it right now: leave it to that one (never wait on it).
    const [lock] = await rows<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('rakor:reminders')) as ok`, tx);
    if (!lock?.ok) return null;
    const dueSoon = await remind(tx, "due_soon", ownerRecipients(items, sql`i.due_date >= i.today and i.due_date <= i.today + ${DUE_SOON_DAYS}::int`, "due_soon"));
    const overdue = await remind(tx, "overdue", ownerRecipients(items, pastDueSql(sql`i.due_date`, sql`i.today`), "overdue"));
    const escalated = await remind(
      tx,
      "overdue_escalated",
      sql`
      ${items}
      select u.id as user_id, i.id as item_id, i.title, i.unit_name, i.due_text as due_date,
             'overdue_escalated:' || i.id || ':' || i.due_text || ':' || u.id as key
        from items i join users u on u.active and u.role = 'head' and u.work_unit_id = i.div_id
       where ${pastDueSql(sql`i.due_date`, sql`i.today`)}`,
    );
    await compactFollowUpCounts(tx);
    return { dueSoon, overdue, escalated };
  });
  // In a transaction of its own, after the reminders' one: it locks the units' cutoff rows only briefly.
  if (counts) await advanceOverdueCutoffs();
  // Their e-mails were queued with them: one `email` job each (lib/mail/send.ts).
  const result = counts ?? { dueSoon: 0, overdue: 0, escalated: 0 };
  // A run that found another one holding the lock is not a finished run (the window stays).
  await db.update(jobRuns).set({ finishedAt: counts ? new Date() : null, result }).where(eq(jobRuns.id, run!.id));
  return result;
}

/** The job run from the outbox page by an admin (e.g. with the embedded database, where a cron
 * process cannot open the database while the server holds it). */
export async function runRemindersNow(user: CurrentUser) {
  if (!can(user, "outbox.view")) throw new ForbiddenError();
  return runReminders();
}
