CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_events_kind_ck" CHECK (kind in ('item','speaker','attendance','check_in','check_in_toggle','note','status'))
);
--> statement-breakpoint
CREATE TABLE "meeting_live" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"current_item_id" uuid,
	"current_speaker_id" uuid,
	"speaker_called_at" timestamp with time zone,
	"check_in_open" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screen_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "actual_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "actual_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "live_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD CONSTRAINT "meeting_live_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD CONSTRAINT "meeting_live_current_item_id_agenda_items_id_fk" FOREIGN KEY ("current_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD CONSTRAINT "meeting_live_current_speaker_id_speakers_id_fk" FOREIGN KEY ("current_speaker_id") REFERENCES "public"."speakers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD CONSTRAINT "meeting_live_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screen_links" ADD CONSTRAINT "screen_links_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screen_links" ADD CONSTRAINT "screen_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_events_meeting_id_idx" ON "live_events" USING btree ("meeting_id","id");--> statement-breakpoint
CREATE INDEX "live_events_created_at_idx" ON "live_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "meeting_live_item_idx" ON "meeting_live" USING btree ("current_item_id");--> statement-breakpoint
CREATE INDEX "meeting_live_speaker_idx" ON "meeting_live" USING btree ("current_speaker_id");--> statement-breakpoint
CREATE INDEX "meeting_live_updated_by_idx" ON "meeting_live" USING btree ("updated_by");--> statement-breakpoint
CREATE UNIQUE INDEX "screen_links_token_hash_uq" ON "screen_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "screen_links_meeting_idx" ON "screen_links" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "screen_links_created_by_idx" ON "screen_links" USING btree ("created_by");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_live_note_ck" CHECK (length(live_note) <= 5000);