-- rakor_speaker_events: first defined by migration 0011_issue22_integrations.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION rakor_speaker_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM rakor_emit_event('speakers.changed', r.meeting_id, NULL, r.meeting_id, '{}'::jsonb, true);
  RETURN NULL;
END $$;
