-- rakor_touch_meeting_old: first defined by migration 0011_issue22_integrations.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION rakor_touch_meeting_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE meetings SET updated_at = clock_timestamp() WHERE id IN (SELECT DISTINCT meeting_id FROM old_rows);
  RETURN NULL;
END $$;
