-- meeting_starts_at_to_items: last defined by migration 0007_review_source.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION meeting_starts_at_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE action_items SET source_starts_at = NEW.starts_at WHERE meeting_id = NEW.id;
  RETURN NULL;
END $$;
