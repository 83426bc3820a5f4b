CREATE TABLE "speaking_turns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid,
	"speaker_id" uuid,
	"name" text NOT NULL,
	"work_unit_id" uuid,
	"agenda_item_id" uuid,
	"topic" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"allowed_minutes" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "speaking_turns_status_ck" CHECK (status in ('waiting','speaking','done','skipped','withdrawn')),
	CONSTRAINT "speaking_turns_topic_ck" CHECK (length(topic) <= 200),
	CONSTRAINT "speaking_turns_name_ck" CHECK (length(name) between 1 and 200),
	CONSTRAINT "speaking_turns_allowed_ck" CHECK (allowed_minutes is null or allowed_minutes between 1 and 60),
	CONSTRAINT "speaking_turns_times_ck" CHECK (ended_at is null or (started_at is not null and ended_at >= started_at)),
	CONSTRAINT "speaking_turns_started_ck" CHECK (status not in ('speaking', 'done') or started_at is not null)
);
--> statement-breakpoint
ALTER TABLE "live_events" DROP CONSTRAINT "live_events_kind_ck";--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "agenda_item_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD COLUMN "queue_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD COLUMN "turn_minutes" integer;--> statement-breakpoint
ALTER TABLE "speaking_turns" ADD CONSTRAINT "speaking_turns_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaking_turns" ADD CONSTRAINT "speaking_turns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaking_turns" ADD CONSTRAINT "speaking_turns_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaking_turns" ADD CONSTRAINT "speaking_turns_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaking_turns" ADD CONSTRAINT "speaking_turns_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "speaking_turns_queue_idx" ON "speaking_turns" USING btree ("meeting_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "speaking_turns_started_idx" ON "speaking_turns" USING btree ("meeting_id","started_at") WHERE started_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "speaking_turns_open_uq" ON "speaking_turns" USING btree ("meeting_id","user_id") WHERE status in ('waiting', 'speaking') and user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "speaking_turns_speaking_uq" ON "speaking_turns" USING btree ("meeting_id") WHERE status = 'speaking';--> statement-breakpoint
CREATE INDEX "speaking_turns_user_idx" ON "speaking_turns" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "speaking_turns_speaker_idx" ON "speaking_turns" USING btree ("speaker_id");--> statement-breakpoint
CREATE INDEX "speaking_turns_unit_idx" ON "speaking_turns" USING btree ("work_unit_id");--> statement-breakpoint
CREATE INDEX "speaking_turns_item_idx" ON "speaking_turns" USING btree ("agenda_item_id");--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decisions_agenda_item_idx" ON "decisions" USING btree ("agenda_item_id");--> statement-breakpoint
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_kind_ck" CHECK (kind in ('item','speaker','attendance','check_in','check_in_toggle','note','status','queue'));--> statement-breakpoint
ALTER TABLE "meeting_live" ADD CONSTRAINT "meeting_live_turn_minutes_ck" CHECK (turn_minutes is null or turn_minutes between 1 and 60);