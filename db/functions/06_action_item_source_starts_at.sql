-- action_item_source_starts_at: last defined by migration 0007_review_source.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION action_item_source_starts_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.source_starts_at := (SELECT m.starts_at FROM meetings m WHERE m.id = NEW.meeting_id);
  RETURN NEW;
END $$;
