CREATE TABLE "follow_up_counts" (
	"work_unit_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_verify_days" (
	"work_unit_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_renders" (
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_hash" text NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "action_items_due_idx";--> statement-breakpoint
DROP INDEX "invitations_unit_idx";--> statement-breakpoint
DROP INDEX "meetings_starts_at_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit_contact" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "follow_up_counts" ADD CONSTRAINT "follow_up_counts_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_counts" ADD CONSTRAINT "follow_up_counts_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_verify_days" ADD CONSTRAINT "follow_up_verify_days_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_verify_days" ADD CONSTRAINT "follow_up_verify_days_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_renders" ADD CONSTRAINT "document_renders_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_counts_unit_idx" ON "follow_up_counts" USING btree ("work_unit_id","category_id","status");--> statement-breakpoint
CREATE INDEX "follow_up_counts_category_idx" ON "follow_up_counts" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "follow_up_verify_days_unit_idx" ON "follow_up_verify_days" USING btree ("work_unit_id","category_id","days");--> statement-breakpoint
CREATE INDEX "follow_up_verify_days_category_idx" ON "follow_up_verify_days" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_renders_meeting_kind_uq" ON "document_renders" USING btree ("meeting_id","kind");--> statement-breakpoint
CREATE INDEX "users_unit_contact_idx" ON "users" USING btree ("work_unit_id") WHERE unit_contact and active;--> statement-breakpoint
CREATE INDEX "action_items_open_unit_due_idx" ON "action_items" USING btree ("work_unit_id","due_date","category_id") WHERE status in ('open', 'in_progress', 'reported');--> statement-breakpoint
CREATE INDEX "action_items_open_due_idx" ON "action_items" USING btree ("due_date","id") WHERE status in ('open', 'in_progress', 'reported');--> statement-breakpoint
CREATE INDEX "action_items_due_id_idx" ON "action_items" USING btree ("due_date","id");--> statement-breakpoint
CREATE INDEX "action_items_verified_unit_idx" ON "action_items" USING btree ("work_unit_id","verified_at","created_at","category_id") WHERE status = 'verified';--> statement-breakpoint
CREATE INDEX "action_items_unit_created_idx" ON "action_items" USING btree ("work_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "invitations_unit_idx" ON "invitations" USING btree ("work_unit_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_starts_at_idx" ON "meetings" USING btree ("starts_at","id");--> statement-breakpoint
-- custom: follow_up_counts and follow_up_verify_days are kept current by statement triggers on
-- action_items, in the transaction of every change: delta rows (+1 for new row versions, -1 for
-- old ones; groups that cancel out are not written), folded by the reminders job. A verified item
-- is "on time" when reported on or before its due date in its unit's zone; its days to
-- verification are whole days from creation. Then both are backfilled.
CREATE FUNCTION follow_up_counts_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT r.work_unit_id, r.category_id, r.status,
           coalesce((r.status = 'verified' AND (r.reported_at AT TIME ZONE w.time_zone)::date <= r.due_date)::int, 0) AS on_time,
           CASE WHEN r.status = 'verified' AND r.verified_at IS NOT NULL
                THEN greatest(0, floor(extract(epoch FROM r.verified_at - r.created_at) / 86400))::int END AS days, 1 AS sign
      FROM new_rows r JOIN work_units w ON w.id = r.work_unit_id),
  c AS (
    INSERT INTO follow_up_counts (work_unit_id, category_id, status, n, on_time)
    SELECT d.work_unit_id, d.category_id, d.status, sum(d.sign), sum(d.sign * d.on_time)
      FROM d GROUP BY 1, 2, 3
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.on_time) <> 0
    RETURNING 1
  )
  INSERT INTO follow_up_verify_days (work_unit_id, category_id, days, n)
  SELECT d.work_unit_id, d.category_id, d.days, sum(d.sign)
    FROM d WHERE d.days IS NOT NULL GROUP BY 1, 2, 3
  HAVING sum(d.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION follow_up_counts_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT r.work_unit_id, r.category_id, r.status,
           coalesce((r.status = 'verified' AND (r.reported_at AT TIME ZONE w.time_zone)::date <= r.due_date)::int, 0) AS on_time,
           CASE WHEN r.status = 'verified' AND r.verified_at IS NOT NULL
                THEN greatest(0, floor(extract(epoch FROM r.verified_at - r.created_at) / 86400))::int END AS days, -1 AS sign
      FROM old_rows r JOIN work_units w ON w.id = r.work_unit_id),
  c AS (
    INSERT INTO follow_up_counts (work_unit_id, category_id, status, n, on_time)
    SELECT d.work_unit_id, d.category_id, d.status, sum(d.sign), sum(d.sign * d.on_time)
      FROM d GROUP BY 1, 2, 3
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.on_time) <> 0
    RETURNING 1
  )
  INSERT INTO follow_up_verify_days (work_unit_id, category_id, days, n)
  SELECT d.work_unit_id, d.category_id, d.days, sum(d.sign)
    FROM d WHERE d.days IS NOT NULL GROUP BY 1, 2, 3
  HAVING sum(d.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION follow_up_counts_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT r.work_unit_id, r.category_id, r.status,
           coalesce((r.status = 'verified' AND (r.reported_at AT TIME ZONE w.time_zone)::date <= r.due_date)::int, 0) AS on_time,
           CASE WHEN r.status = 'verified' AND r.verified_at IS NOT NULL
                THEN greatest(0, floor(extract(epoch FROM r.verified_at - r.created_at) / 86400))::int END AS days, 1 AS sign
      FROM new_rows r JOIN work_units w ON w.id = r.work_unit_id
    UNION ALL
    SELECT r.work_unit_id, r.category_id, r.status,
           coalesce((r.status = 'verified' AND (r.reported_at AT TIME ZONE w.time_zone)::date <= r.due_date)::int, 0) AS on_time,
           CASE WHEN r.status = 'verified' AND r.verified_at IS NOT NULL
                THEN greatest(0, floor(extract(epoch FROM r.verified_at - r.created_at) / 86400))::int END AS days, -1 AS sign
      FROM old_rows r JOIN work_units w ON w.id = r.work_unit_id),
  c AS (
    INSERT INTO follow_up_counts (work_unit_id, category_id, status, n, on_time)
    SELECT d.work_unit_id, d.category_id, d.status, sum(d.sign), sum(d.sign * d.on_time)
      FROM d GROUP BY 1, 2, 3
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.on_time) <> 0
    RETURNING 1
  )
  INSERT INTO follow_up_verify_days (work_unit_id, category_id, days, n)
  SELECT d.work_unit_id, d.category_id, d.days, sum(d.sign)
    FROM d WHERE d.days IS NOT NULL GROUP BY 1, 2, 3
  HAVING sum(d.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER action_items_counts_ins AFTER INSERT ON action_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION follow_up_counts_ins();
--> statement-breakpoint
CREATE TRIGGER action_items_counts_upd AFTER UPDATE ON action_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION follow_up_counts_upd();
--> statement-breakpoint
CREATE TRIGGER action_items_counts_del AFTER DELETE ON action_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION follow_up_counts_del();
--> statement-breakpoint
INSERT INTO follow_up_counts (work_unit_id, category_id, status, n, on_time)
SELECT a.work_unit_id, a.category_id, a.status, count(*),
       count(*) FILTER (WHERE a.status = 'verified' AND (a.reported_at AT TIME ZONE w.time_zone)::date <= a.due_date)
  FROM action_items a JOIN work_units w ON w.id = a.work_unit_id
 GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO follow_up_verify_days (work_unit_id, category_id, days, n)
SELECT a.work_unit_id, a.category_id, greatest(0, floor(extract(epoch FROM a.verified_at - a.created_at) / 86400))::int, count(*)
  FROM action_items a
 WHERE a.status = 'verified' AND a.verified_at IS NOT NULL
 GROUP BY 1, 2, 3;
