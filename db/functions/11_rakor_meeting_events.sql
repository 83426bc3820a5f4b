-- rakor_meeting_events: first defined by migration 0011_issue22_integrations.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION rakor_meeting_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rakor_emit_event('meeting.created', NEW.id, NULL, NEW.id, jsonb_build_object('status', NEW.status, 'startsAt', NEW.starts_at, 'endsAt', NEW.ends_at), false);
    RETURN NULL;
  END IF;
  IF OLD.status IS DISTINCT FROM NEW.status THEN
    IF NEW.status = 'scheduled' AND OLD.status = 'draft' THEN
      PERFORM rakor_emit_event('meeting.published', NEW.id, NULL, NEW.id, jsonb_build_object('status', NEW.status), false);
    ELSIF NEW.status = 'cancelled' THEN
      PERFORM rakor_emit_event('meeting.cancelled', NEW.id, NULL, NEW.id, jsonb_build_object('status', NEW.status, 'reason', NEW.cancel_reason), false);
    ELSIF NEW.status = 'completed' THEN
      PERFORM rakor_emit_event('meeting.completed', NEW.id, NULL, NEW.id, jsonb_build_object('status', NEW.status), false);
    END IF;
  END IF;
  IF OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at THEN
    PERFORM rakor_emit_event('meeting.rescheduled', NEW.id, NULL, NEW.id,
      jsonb_build_object('previousStartsAt', OLD.starts_at, 'previousEndsAt', OLD.ends_at, 'startsAt', NEW.starts_at, 'endsAt', NEW.ends_at), false);
  END IF;
  RETURN NULL;
END $$;
