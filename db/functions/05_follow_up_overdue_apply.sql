-- follow_up_overdue_apply: last defined by migration 0006_overdue.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION follow_up_overdue_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
