CREATE TABLE "follow_up_overdue" (
	"work_unit_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "overdue_cutoffs" (
	"work_unit_id" uuid PRIMARY KEY NOT NULL,
	"cutoff" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_overdue" ADD CONSTRAINT "follow_up_overdue_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_overdue" ADD CONSTRAINT "follow_up_overdue_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdue_cutoffs" ADD CONSTRAINT "overdue_cutoffs_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_overdue_unit_idx" ON "follow_up_overdue" USING btree ("work_unit_id","category_id");--> statement-breakpoint
CREATE INDEX "follow_up_overdue_category_idx" ON "follow_up_overdue" USING btree ("category_id");--> statement-breakpoint
-- custom: every unit has its cutoff row from the moment it exists ('-infinity': nothing counted
-- yet), so the trigger below always finds a row to lock.
CREATE FUNCTION overdue_cutoff_for_new_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO overdue_cutoffs (work_unit_id, cutoff) SELECT id, '-infinity'::date FROM new_units
  ON CONFLICT (work_unit_id) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER work_units_overdue_cutoff AFTER INSERT ON work_units REFERENCING NEW TABLE AS new_units
  FOR EACH STATEMENT EXECUTE FUNCTION overdue_cutoff_for_new_unit();
--> statement-breakpoint
-- custom: the delta rows of follow_up_overdue, in the transaction of every change to action_items.
-- The units' cutoff rows are locked FOR KEY SHARE first (the job moves a cutoff only under FOR
-- UPDATE), so a cutoff cannot move between reading it here and committing.
-- Rows due on or after UTC today + 3 never count, whatever the cutoffs (a cutoff is some zone's
-- today: at most UTC today + 1): a statement touching only such rows (a new follow-up due later,
-- a progress note) neither locks nor writes anything here.
CREATE FUNCTION follow_up_overdue_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  horizon date := (now() AT TIME ZONE 'UTC')::date + 3;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE due_date < horizon) THEN
      RETURN NULL;
    END IF;
    PERFORM 1 FROM overdue_cutoffs c
     WHERE c.work_unit_id IN (SELECT work_unit_id FROM new_rows WHERE due_date < horizon)
     ORDER BY c.work_unit_id FOR KEY SHARE;
    INSERT INTO follow_up_overdue (work_unit_id, category_id, n)
    SELECT r.work_unit_id, r.category_id, count(*)
      FROM new_rows r JOIN overdue_cutoffs c ON c.work_unit_id = r.work_unit_id
     WHERE r.status IN ('open', 'in_progress', 'reported') AND r.due_date < c.cutoff
     GROUP BY 1, 2;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows WHERE due_date < horizon) THEN
      RETURN NULL;
    END IF;
    PERFORM 1 FROM overdue_cutoffs c
     WHERE c.work_unit_id IN (SELECT work_unit_id FROM old_rows WHERE due_date < horizon)
     ORDER BY c.work_unit_id FOR KEY SHARE;
    INSERT INTO follow_up_overdue (work_unit_id, category_id, n)
    SELECT r.work_unit_id, r.category_id, -count(*)
      FROM old_rows r JOIN overdue_cutoffs c ON c.work_unit_id = r.work_unit_id
     WHERE r.status IN ('open', 'in_progress', 'reported') AND r.due_date < c.cutoff
     GROUP BY 1, 2;
  ELSE
    -- Only rows (before or after) due before the horizon can count. Rows whose status, due date,
    -- unit and category did not change add +1 and -1 to the same group, which the HAVING drops
    -- (linear in the statement's rows: no join of the two transition tables).
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE due_date < horizon) AND NOT EXISTS (SELECT 1 FROM old_rows WHERE due_date < horizon) THEN
      RETURN NULL;
    END IF;
    PERFORM 1 FROM overdue_cutoffs c
     WHERE c.work_unit_id IN (SELECT work_unit_id FROM new_rows WHERE due_date < horizon
                              UNION SELECT work_unit_id FROM old_rows WHERE due_date < horizon)
     ORDER BY c.work_unit_id FOR KEY SHARE;
    INSERT INTO follow_up_overdue (work_unit_id, category_id, n)
    SELECT d.work_unit_id, d.category_id, sum(d.sign)
      FROM (SELECT r.work_unit_id, r.category_id, r.status, r.due_date, 1 AS sign FROM new_rows r
            UNION ALL
            SELECT r.work_unit_id, r.category_id, r.status, r.due_date, -1 FROM old_rows r) d
      JOIN overdue_cutoffs c ON c.work_unit_id = d.work_unit_id
     WHERE d.status IN ('open', 'in_progress', 'reported') AND d.due_date < c.cutoff
     GROUP BY 1, 2
    HAVING sum(d.sign) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER action_items_overdue_ins AFTER INSERT ON action_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION follow_up_overdue_apply();
--> statement-breakpoint
CREATE TRIGGER action_items_overdue_upd AFTER UPDATE ON action_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION follow_up_overdue_apply();
--> statement-breakpoint
CREATE TRIGGER action_items_overdue_del AFTER DELETE ON action_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION follow_up_overdue_apply();
--> statement-breakpoint
-- custom: backfill — every existing unit's cutoff is today in its zone, with its overdue items counted.
INSERT INTO overdue_cutoffs (work_unit_id, cutoff)
SELECT id, (now() AT TIME ZONE time_zone)::date FROM work_units;
--> statement-breakpoint
INSERT INTO follow_up_overdue (work_unit_id, category_id, n)
SELECT a.work_unit_id, a.category_id, count(*)
  FROM action_items a JOIN overdue_cutoffs c ON c.work_unit_id = a.work_unit_id
 WHERE a.status IN ('open', 'in_progress', 'reported') AND a.due_date < c.cutoff
 GROUP BY 1, 2;
