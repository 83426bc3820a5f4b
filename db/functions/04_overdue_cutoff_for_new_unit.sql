-- overdue_cutoff_for_new_unit: last defined by migration 0006_overdue.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION overdue_cutoff_for_new_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO overdue_cutoffs (work_unit_id, cutoff) SELECT id, '-infinity'::date FROM new_units
  ON CONFLICT (work_unit_id) DO NOTHING;
  RETURN NULL;
END $$;
