-- rakor_invitation_events: first defined by migration 0011_issue22_integrations.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION rakor_invitation_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.response <> 'pending' AND OLD.response IS DISTINCT FROM NEW.response OR (NEW.response <> 'pending' AND OLD.version <> NEW.version AND OLD.responded_at IS DISTINCT FROM NEW.responded_at) THEN
    PERFORM rakor_emit_event('invitation.answered', NEW.meeting_id, NULL, NEW.id, jsonb_build_object('workUnitId', NEW.work_unit_id, 'response', NEW.response), false);
  END IF;
  RETURN NULL;
END $$;
