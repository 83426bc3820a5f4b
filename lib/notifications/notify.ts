import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows, type DbOrTx } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import type { Locale } from "@/lib/i18n/translate";
import { oneLine } from "@/lib/input";
import { emailJobsSql, newEmailStatus } from "@/lib/mail/send";
import { MEETING_NOTICE_KINDS, noticeEmail } from "./render";

export const NOTIFICATION_KINDS = [
  "assigned",
  "reported",
  "returned",
  "verified",
  "cancelled",
  "extension_requested",
  "extension_decided",
  "due_soon",
  "overdue",
  "overdue_escalated",
  /** Failed sign-ins on the reader's own account (lib/auth/throttle.ts): `title` the count, `reason` the address. */
  "sign_in_failures",
  ...MEETING_NOTICE_KINDS,
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationPayload = {
  itemId: string;
  title: string;
  unitName?: string;
  dueDate?: string;
  reason?: string;
  approved?: boolean;
  [key: string]: unknown;
};

/** What a notice about a meeting carries (times as ISO instants, shown in the meeting's zone). */
export type MeetingNoticePayload = {
  meetingId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** The organizing office's zone: a meeting held in another zone also gives the time there ("09.00 WITA (08.00 WIB)"). */
  officeTimeZone?: string;
  location?: string;
  onlineUrl?: string | null;
  previousStartsAt?: string;
  previousEndsAt?: string;
  reason?: string | null;
  unitName?: string;
  response?: string;
  what?: "place" | "agenda";
  reconfirm?: boolean;
  [key: string]: unknown;
};

/** A unit without heads or designated contacts is told through at most this many of its members. */
export const UNIT_FALLBACK_RECIPIENTS = 5;

/**
 * The people who act for a unit: its heads and its designated contacts (users.unit_contact, set by
 * admins); a unit with neither falls back to its first few active members. Bounded whatever the
 * unit's size.
 */
export function unitActorsSql(unitIds: SQL): SQL {
  return sql`
    select a.id, a.work_unit_id from users a
     where a.active and a.work_unit_id = any(${unitIds}) and (a.role = 'head' or a.unit_contact)
    union all
    select f.id, f.work_unit_id from unnest(${unitIds}) as uid(id)
      cross join lateral (
        select m.id, m.work_unit_id from users m
         where m.active and m.work_unit_id = uid.id
           and not exists (select 1 from users x where x.active and x.work_unit_id = uid.id and (x.role = 'head' or x.unit_contact))
         order by m.name, m.id
         limit ${UNIT_FALLBACK_RECIPIENTS}) f`;
}

/** Recipients, as SQL selecting user ids. */
export const recipients = {
  /**
   * Who acts on a unit's follow-up: the person in charge, the unit's heads and designated
   * contacts (see unitActorsSql) — not every member, so the rows written per action stay bounded.
   */
  unitActors: (unitId: string, picUserId?: string | null): SQL =>
    sql`select id from (${unitActorsSql(sql`array[${unitId}::uuid]`)}) ua
        union select id from users where active and id = ${picUserId ?? null}::uuid`,
  users: (ids: readonly (string | null | undefined)[]): SQL => {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (list.length === 0) return sql`select null::uuid as id where false`;
    return sql`select id from users where active and id in (${sql.join(
      list.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
  },
  /**
   * The staff overseeing a unit: secretariat/head users of the nearest division at or above it
   * (the owning division), or of the unit itself when there is no division above.
   */
  overseers: (unitId: string, roles: readonly ("secretariat" | "head")[] = ["secretariat", "head"]): SQL => sql`
    with recursive up as (
      select id, parent_id, kind, 0 as depth from work_units where id = ${unitId}
      union all
      select w.id, w.parent_id, w.kind, up.depth + 1 from work_units w join up on w.id = up.parent_id
    )
    select u.id from users u
     where u.active and u.role in (${sql.join(
       roles.map((r) => sql`${r}`),
       sql`, `,
     )})
       and u.work_unit_id = coalesce((select id from up where kind = 'division' order by depth limit 1), ${unitId}::uuid)`,
};

type Attachment = { filename: string; contentType: string; content: string };

type NotifyOptions = {
  to: SQL;
  kind: NotificationKind;
  payload: NotificationPayload | MeetingNoticePayload;
  dedupeKey: string;
  excludeUserId?: string | null;
  /** Files attached to the e-mail, per reader language (a meeting's calendar file). */
  attachments?: Record<Locale, Attachment[]>;
};

/**
 * The notifications and emails of `notify` as common table expressions (`notify_r`, `notify_n`,
 * `notify_e`, `notify_j`), for a statement that also writes the change they announce (one round
 * trip). Set-based whatever the number of recipients: one INSERT … SELECT each for the notices,
 * their e-mails (not to people who turned e-mail off for this kind) and the e-mails' delivery jobs.
 */
export function notifyCtes(opts: NotifyOptions): SQL {
  const base = appUrl();
  const attach = !!opts.attachments;
  const id = noticeEmail("id", opts.kind, opts.payload, base, { attachment: attach });
  const en = noticeEmail("en", opts.kind, opts.payload, base, { attachment: attach });
  const exclude = opts.excludeUserId ?? null;
  return sql`
    notify_r as (${opts.to}),
    notify_n as (
      insert into notifications (user_id, kind, payload, dedupe_key)
      select distinct r.id, ${opts.kind}, ${JSON.stringify(opts.payload)}::jsonb, ${opts.dedupeKey} || ':' || r.id::text
        from notify_r r where r.id is not null and r.id is distinct from ${exclude}::uuid
      on conflict (dedupe_key) do nothing
      returning user_id, dedupe_key
    ),
    notify_e as (
      insert into outbox_emails (to_address, subject, body, attachments, status, dedupe_key)
      select u.email,
             case when u.locale = 'en' then ${oneLine(en.subject)} else ${oneLine(id.subject)} end,
             case when u.locale = 'en' then ${en.body} else ${id.body} end,
             case when u.locale = 'en' then ${JSON.stringify(opts.attachments?.en ?? [])}::jsonb else ${JSON.stringify(opts.attachments?.id ?? [])}::jsonb end,
             ${newEmailStatus()}, n.dedupe_key
        from notify_n n join users u on u.id = n.user_id
       where not exists (select 1 from notification_email_mutes m where m.user_id = u.id and m.kind = ${opts.kind})
      on conflict (dedupe_key) do nothing
      returning id, status
    ),
    notify_j as (${emailJobsSql(sql`select id from notify_e where status = 'pending'`)})`;
}

/**
 * In-app notifications (and their emails) for a set of recipients, in the caller's transaction.
 * `dedupeKey` + the recipient's id is unique: a notification (and its email) is created at most
 * once, so jobs can run again safely. Without SMTP_URL the email is kept in the outbox for admins.
 * Returns how many notifications were created.
 */
export async function notify(tx: DbOrTx, opts: NotifyOptions): Promise<number> {
  const created = await rows<{ n: number }>(
    sql`with ${notifyCtes(opts)} select (select count(*) from notify_n)::int as n`,
    tx,
  );
  return Number(created[0]?.n ?? 0);
}
