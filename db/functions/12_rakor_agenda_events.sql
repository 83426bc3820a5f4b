-- rakor_agenda_events: first defined by migration 0011_issue22_integrations.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION rakor_agenda_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_OP = 'UPDATE' AND (OLD.title, OLD.description, OLD.duration_minutes, OLD.position, OLD.presenter_speaker_id, OLD.kind)
      IS NOT DISTINCT FROM (NEW.title, NEW.description, NEW.duration_minutes, NEW.position, NEW.presenter_speaker_id, NEW.kind) THEN
    RETURN NULL;
  END IF;
  PERFORM rakor_emit_event('agenda.changed', r.meeting_id, NULL, r.meeting_id, '{}'::jsonb, true);
  RETURN NULL;
END $$;
