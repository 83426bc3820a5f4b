-- rakor_action_item_events: first defined by migration 0011_issue22_integrations.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION rakor_action_item_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rakor_emit_event('follow-up.created', NEW.meeting_id, NEW.id, NEW.id,
      jsonb_build_object('workUnitId', NEW.work_unit_id, 'status', NEW.status, 'dueDate', NEW.due_date), false);
    RETURN NULL;
  END IF;
  IF OLD.status IS DISTINCT FROM NEW.status THEN
    PERFORM rakor_emit_event('follow-up.transitioned', NEW.meeting_id, NEW.id, NEW.id,
      jsonb_build_object('workUnitId', NEW.work_unit_id, 'from', OLD.status, 'to', NEW.status), false);
    IF NEW.status = 'verified' THEN
      PERFORM rakor_emit_event('follow-up.verified', NEW.meeting_id, NEW.id, NEW.id,
        jsonb_build_object('workUnitId', NEW.work_unit_id, 'verifiedAt', NEW.verified_at), false);
    END IF;
  END IF;
  RETURN NULL;
END $$;
