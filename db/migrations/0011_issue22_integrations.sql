CREATE TABLE "event_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"tx_id" bigint DEFAULT 0 NOT NULL,
	"event_id" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tx_id" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	"kind" text NOT NULL,
	"meeting_id" uuid,
	"action_item_id" uuid,
	"subject_id" uuid NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_kind_ck" CHECK (kind in ('meeting.created','meeting.published','meeting.rescheduled','meeting.cancelled','meeting.completed','agenda.changed','speakers.changed','invitation.answered','attendance.recorded','minutes.finalized','letter.issued','follow-up.created','follow-up.transitioned','follow-up.verified'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner" text NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response_body" text,
	"response_headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_key_ck" CHECK (length(key) between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"payload" text NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"last_response_body" text,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_status_ck" CHECK (status in ('pending','succeeded','failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"url" text NOT NULL,
	"kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_subscriptions_url_ck" CHECK (length(url) between 8 and 2000)
);
--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "speakers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_tx_id_idx" ON "events" USING btree ("tx_id","id");--> statement-breakpoint
CREATE INDEX "events_meeting_idx" ON "events" USING btree ("meeting_id","tx_id");--> statement-breakpoint
CREATE INDEX "events_action_item_idx" ON "events" USING btree ("action_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_owner_key_uq" ON "idempotency_keys" USING btree ("owner","key");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_sub_event_uq" ON "webhook_deliveries" USING btree ("subscription_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_sub_created_idx" ON "webhook_deliveries" USING btree ("subscription_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_owner_idx" ON "webhook_subscriptions" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "users_updated_idx" ON "users" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "work_units_updated_idx" ON "work_units" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "agenda_items_updated_idx" ON "agenda_items" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "attendances_updated_idx" ON "attendances" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "decisions_updated_idx" ON "decisions" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "invitations_updated_idx" ON "invitations" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "meetings_updated_idx" ON "meetings" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "minutes_updated_idx" ON "minutes" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "speakers_updated_idx" ON "speakers" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "action_items_updated_idx" ON "action_items" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "categories_updated_idx" ON "categories" USING btree ("updated_at","id");--> statement-breakpoint
-- custom: issue 22
-- updated_at is kept by the database on every write of a resource: clock_timestamp() (not the
-- transaction's start), and never moving backwards, so a row changed while a client walks a list
-- in (updated_at, id) order sorts after the client's cursor and is seen again.
CREATE FUNCTION rakor_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.updated_at := clock_timestamp();
  ELSE
    NEW.updated_at := greatest(clock_timestamp(), OLD.updated_at + interval '1 microsecond');
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['meetings','agenda_items','speakers','invitations','attendances','minutes','decisions','action_items','categories','work_units','users','webhook_subscriptions','webhook_deliveries'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION rakor_touch_updated_at()', t || '_touch_updated_at', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A change to a meeting's agenda, speakers, invitations, attendance, minutes or decisions moves
-- the meeting's updated_at too (one statement per statement, not per row), so a client syncing
-- meetings with ?include= sees the meeting again.
CREATE FUNCTION rakor_touch_meeting_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE meetings SET updated_at = clock_timestamp() WHERE id IN (SELECT DISTINCT meeting_id FROM new_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rakor_touch_meeting_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE meetings SET updated_at = clock_timestamp() WHERE id IN (SELECT DISTINCT meeting_id FROM old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['agenda_items','speakers','invitations','attendances','minutes','decisions'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rakor_touch_meeting_new()', t || '_touch_meeting_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rakor_touch_meeting_new()', t || '_touch_meeting_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rakor_touch_meeting_old()', t || '_touch_meeting_del', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- The event feed: written here, in the transaction of the change. `once` keeps one event per
-- transaction, kind and subject (moving five agenda items is one "agenda.changed").
-- Other modules call it too (e.g. "letter.issued" when an invitation letter is issued):
--   SELECT rakor_emit_event('letter.issued', meeting_id, NULL, letter_id, jsonb_build_object(...), false);
CREATE FUNCTION rakor_emit_event(p_kind text, p_meeting uuid, p_item uuid, p_subject uuid, p_data jsonb, p_once boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE tx bigint := (pg_current_xact_id()::text)::bigint;
BEGIN
  IF p_once AND EXISTS (SELECT 1 FROM events WHERE tx_id = tx AND kind = p_kind AND subject_id = p_subject) THEN
    RETURN;
  END IF;
  INSERT INTO events (tx_id, kind, meeting_id, action_item_id, subject_id, data) VALUES (tx, p_kind, p_meeting, p_item, p_subject, coalesce(p_data, '{}'::jsonb));
END $$;
--> statement-breakpoint
CREATE FUNCTION rakor_meeting_events() RETURNS trigger LANGUAGE plpgsql AS $$
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
--> statement-breakpoint
CREATE TRIGGER meetings_events AFTER INSERT OR UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION rakor_meeting_events();
--> statement-breakpoint
CREATE FUNCTION rakor_agenda_events() RETURNS trigger LANGUAGE plpgsql AS $$
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
--> statement-breakpoint
CREATE TRIGGER agenda_items_events AFTER INSERT OR UPDATE OR DELETE ON agenda_items FOR EACH ROW EXECUTE FUNCTION rakor_agenda_events();
--> statement-breakpoint
CREATE FUNCTION rakor_speaker_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM rakor_emit_event('speakers.changed', r.meeting_id, NULL, r.meeting_id, '{}'::jsonb, true);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER speakers_events AFTER INSERT OR UPDATE OR DELETE ON speakers FOR EACH ROW EXECUTE FUNCTION rakor_speaker_events();
--> statement-breakpoint
CREATE FUNCTION rakor_invitation_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.response <> 'pending' AND OLD.response IS DISTINCT FROM NEW.response OR (NEW.response <> 'pending' AND OLD.version <> NEW.version AND OLD.responded_at IS DISTINCT FROM NEW.responded_at) THEN
    PERFORM rakor_emit_event('invitation.answered', NEW.meeting_id, NULL, NEW.id, jsonb_build_object('workUnitId', NEW.work_unit_id, 'response', NEW.response), false);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER invitations_events AFTER UPDATE ON invitations FOR EACH ROW EXECUTE FUNCTION rakor_invitation_events();
--> statement-breakpoint
CREATE FUNCTION rakor_attendance_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.represented_by IS NOT DISTINCT FROM NEW.represented_by THEN
    RETURN NULL;
  END IF;
  PERFORM rakor_emit_event('attendance.recorded', NEW.meeting_id, NULL, NEW.id,
    jsonb_build_object('status', NEW.status, 'userId', NEW.user_id, 'workUnitId', NEW.work_unit_id), false);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER attendances_events AFTER INSERT OR UPDATE ON attendances FOR EACH ROW EXECUTE FUNCTION rakor_attendance_events();
--> statement-breakpoint
CREATE FUNCTION rakor_minutes_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.finalized_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.finalized_at IS NULL) THEN
    PERFORM rakor_emit_event('minutes.finalized', NEW.meeting_id, NULL, NEW.meeting_id, jsonb_build_object('finalizedAt', NEW.finalized_at), false);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER minutes_events AFTER INSERT OR UPDATE ON minutes FOR EACH ROW EXECUTE FUNCTION rakor_minutes_events();
--> statement-breakpoint
CREATE FUNCTION rakor_action_item_events() RETURNS trigger LANGUAGE plpgsql AS $$
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
--> statement-breakpoint
CREATE TRIGGER action_items_events AFTER INSERT OR UPDATE ON action_items FOR EACH ROW EXECUTE FUNCTION rakor_action_item_events();
