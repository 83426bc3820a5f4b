-- rakor_attendance_events: first defined by migration 0011_issue22_integrations.sql; this file is now its one definition (db/migrate.ts
-- applies every file here after the migrations, in file-name order).
CREATE OR REPLACE FUNCTION rakor_attendance_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.represented_by IS NOT DISTINCT FROM NEW.represented_by THEN
    RETURN NULL;
  END IF;
  PERFORM rakor_emit_event('attendance.recorded', NEW.meeting_id, NULL, NEW.id,
    jsonb_build_object('status', NEW.status, 'userId', NEW.user_id, 'workUnitId', NEW.work_unit_id), false);
  RETURN NULL;
END $$;
