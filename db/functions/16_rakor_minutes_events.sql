-- rakor_minutes_events: first defined by migration 0011_issue22_integrations.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION rakor_minutes_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.finalized_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.finalized_at IS NULL) THEN
    PERFORM rakor_emit_event('minutes.finalized', NEW.meeting_id, NULL, NEW.meeting_id, jsonb_build_object('finalizedAt', NEW.finalized_at), false);
  END IF;
  RETURN NULL;
END $$;
