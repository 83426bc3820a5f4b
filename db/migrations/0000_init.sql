CREATE TABLE "api_rate_windows" (
	"token_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"nip" varchar(18),
	"position" text DEFAULT '' NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"calendar_token" text,
	"locale" varchar(5) DEFAULT 'id' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_ck" CHECK (role in ('admin','secretariat','head','participant')),
	CONSTRAINT "users_nip_ck" CHECK (nip is null or nip ~ '^[0-9]{18}$'),
	CONSTRAINT "users_email_ck" CHECK (position('@' in email) > 1),
	CONSTRAINT "users_locale_ck" CHECK (locale in ('id','en'))
);
--> statement-breakpoint
CREATE TABLE "work_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"time_zone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_units_kind_ck" CHECK (kind in ('regional_office','division','technical_unit')),
	CONSTRAINT "work_units_tz_ck" CHECK (time_zone in ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')),
	CONSTRAINT "work_units_name_ck" CHECK (length(name) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"presenter_speaker_id" uuid,
	"kind" text DEFAULT 'regular' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_duration_ck" CHECK (duration_minutes between 1 and 1440),
	CONSTRAINT "agenda_items_kind_ck" CHECK (kind in ('regular','follow_up_review')),
	CONSTRAINT "agenda_items_title_ck" CHECK (length(title) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "attendances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid,
	"guest_name" text,
	"guest_position" text,
	"guest_organization" text,
	"work_unit_id" uuid,
	"status" text NOT NULL,
	"represented_by" text,
	"checked_in_at" timestamp with time zone,
	"method" text DEFAULT 'manual' NOT NULL,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendances_status_ck" CHECK (status in ('present','represented','excused','sick','official_duty','absent')),
	CONSTRAINT "attendances_method_ck" CHECK (method in ('manual','self_check_in')),
	CONSTRAINT "attendances_who_ck" CHECK (user_id is not null or (guest_name is not null and length(guest_name) > 0)),
	CONSTRAINT "attendances_repr_ck" CHECK (status <> 'represented' or represented_by is not null)
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_number_ck" CHECK (number >= 1),
	CONSTRAINT "decisions_text_ck" CHECK (length(text) between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"response" text DEFAULT 'pending' NOT NULL,
	"delegates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"represented_by" text,
	"reason" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_response_ck" CHECK (response in ('pending','attending','represented','declined'))
);
--> statement-breakpoint
CREATE TABLE "meeting_reschedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"previous_starts_at" timestamp with time zone NOT NULL,
	"previous_ends_at" timestamp with time zone NOT NULL,
	"new_starts_at" timestamp with time zone NOT NULL,
	"new_ends_at" timestamp with time zone NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"occurrences" integer,
	"until_date" date,
	"template_meeting_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_series_rule_ck" CHECK (rule in ('weekly','monthly','quarterly')),
	CONSTRAINT "meeting_series_bound_ck" CHECK (occurrences is not null or until_date is not null),
	CONSTRAINT "meeting_series_occ_ck" CHECK (occurrences is null or occurrences between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'rakor' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text,
	"organizer_unit_id" uuid NOT NULL,
	"chair_user_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"cancel_reason" text,
	"series_id" uuid,
	"series_index" integer,
	"check_in_code" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_time_ck" CHECK (ends_at > starts_at),
	CONSTRAINT "meetings_kind_ck" CHECK (kind in ('rakor','briefing','workshop','other')),
	CONSTRAINT "meetings_status_ck" CHECK (status in ('draft','scheduled','ongoing','completed','cancelled')),
	CONSTRAINT "meetings_tz_ck" CHECK (time_zone in ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')),
	CONSTRAINT "meetings_title_ck" CHECK (length(title) between 1 and 200),
	CONSTRAINT "meetings_cancel_ck" CHECK (status <> 'cancelled' or cancel_reason is not null)
);
--> statement-breakpoint
CREATE TABLE "minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"finalized_at" timestamp with time zone,
	"finalized_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text,
	"position" text,
	"organization" text,
	"role" text NOT NULL,
	"on_behalf_of" text,
	"topic" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "speakers_role_ck" CHECK (role in ('opening_remarks','keynote','resource_person','moderator','minute_taker')),
	CONSTRAINT "speakers_who_ck" CHECK (user_id is not null or (name is not null and length(name) > 0))
);
--> statement-breakpoint
CREATE TABLE "action_item_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"action_item_id" uuid NOT NULL,
	"status_at_review" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_item_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_item_id" uuid NOT NULL,
	"author_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"progress" integer,
	"note" text DEFAULT '' NOT NULL,
	"evidence_url" text,
	"evidence_file_id" uuid,
	"meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_item_updates_kind_ck" CHECK (kind in ('created','progress','transition','extension_request','extension_decision','review')),
	CONSTRAINT "action_item_updates_progress_ck" CHECK (progress is null or progress between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid,
	"decision_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" uuid NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"pic_user_id" uuid,
	"due_date" date NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"cancel_reason" text,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_status_ck" CHECK (status in ('open','in_progress','reported','verified','cancelled')),
	CONSTRAINT "action_items_priority_ck" CHECK (priority in ('low','medium','high')),
	CONSTRAINT "action_items_progress_ck" CHECK (progress between 0 and 100),
	CONSTRAINT "action_items_title_ck" CHECK (length(title) between 1 and 300),
	CONSTRAINT "action_items_cancel_ck" CHECK (status <> 'cancelled' or cancel_reason is not null)
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_item_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea",
	"storage_key" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_size_ck" CHECK (size between 1 and 10485760),
	CONSTRAINT "evidence_files_where_ck" CHECK (data is not null or storage_key is not null)
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_item_id" uuid NOT NULL,
	"requested_by" uuid,
	"current_due_date" date NOT NULL,
	"requested_due_date" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extension_requests_status_ck" CHECK (status in ('pending','approved','rejected')),
	CONSTRAINT "extension_requests_date_ck" CHECK (requested_due_date > current_due_date)
);
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"diff" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"dedupe_key" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_emails_status_ck" CHECK (status in ('pending','sent','kept','failed'))
);
--> statement-breakpoint
ALTER TABLE "api_rate_windows" ADD CONSTRAINT "api_rate_windows_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_units" ADD CONSTRAINT "work_units_parent_id_work_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."work_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenter_speaker_id_speakers_id_fk" FOREIGN KEY ("presenter_speaker_id") REFERENCES "public"."speakers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reschedules" ADD CONSTRAINT "meeting_reschedules_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reschedules" ADD CONSTRAINT "meeting_reschedules_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_template_meeting_id_meetings_id_fk" FOREIGN KEY ("template_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organizer_unit_id_work_units_id_fk" FOREIGN KEY ("organizer_unit_id") REFERENCES "public"."work_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_finalized_by_users_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_reviews" ADD CONSTRAINT "action_item_reviews_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_reviews" ADD CONSTRAINT "action_item_reviews_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_reviews" ADD CONSTRAINT "action_item_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_updates" ADD CONSTRAINT "action_item_updates_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_updates" ADD CONSTRAINT "action_item_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_updates" ADD CONSTRAINT "action_item_updates_evidence_file_id_evidence_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."evidence_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_updates" ADD CONSTRAINT "action_item_updates_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_pic_user_id_users_id_fk" FOREIGN KEY ("pic_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_rate_windows_pk" ON "api_rate_windows" USING btree ("token_id","window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_attempts_key_time_idx" ON "login_attempts" USING btree ("key","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_nip_uq" ON "users" USING btree ("nip");--> statement-breakpoint
CREATE UNIQUE INDEX "users_calendar_token_uq" ON "users" USING btree ("calendar_token");--> statement-breakpoint
CREATE INDEX "users_work_unit_idx" ON "users" USING btree ("work_unit_id");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "users_name_idx" ON "users" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "work_units_code_uq" ON "work_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "work_units_parent_idx" ON "work_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "work_units_name_idx" ON "work_units" USING btree ("name");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_presenter_idx" ON "agenda_items" USING btree ("presenter_speaker_id");--> statement-breakpoint
CREATE INDEX "attendances_meeting_unit_idx" ON "attendances" USING btree ("meeting_id","work_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendances_meeting_user_uq" ON "attendances" USING btree ("meeting_id","user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "attendances_user_idx" ON "attendances" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "attendances_unit_idx" ON "attendances" USING btree ("work_unit_id");--> statement-breakpoint
CREATE INDEX "attendances_recorded_by_idx" ON "attendances" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_meeting_number_uq" ON "decisions" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE INDEX "decisions_created_by_idx" ON "decisions" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_meeting_unit_uq" ON "invitations" USING btree ("meeting_id","work_unit_id");--> statement-breakpoint
CREATE INDEX "invitations_unit_idx" ON "invitations" USING btree ("work_unit_id");--> statement-breakpoint
CREATE INDEX "invitations_responded_by_idx" ON "invitations" USING btree ("responded_by");--> statement-breakpoint
CREATE INDEX "meeting_reschedules_meeting_idx" ON "meeting_reschedules" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_reschedules_changed_by_idx" ON "meeting_reschedules" USING btree ("changed_by");--> statement-breakpoint
CREATE INDEX "meeting_series_template_idx" ON "meeting_series" USING btree ("template_meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_series_created_by_idx" ON "meeting_series" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "meetings_starts_at_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meetings_status_starts_idx" ON "meetings" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_organizer_starts_idx" ON "meetings" USING btree ("organizer_unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_chair_idx" ON "meetings" USING btree ("chair_user_id");--> statement-breakpoint
CREATE INDEX "meetings_series_idx" ON "meetings" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "meetings_location_starts_idx" ON "meetings" USING btree ("location","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_created_by_idx" ON "meetings" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "meetings_updated_by_idx" ON "meetings" USING btree ("updated_by");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_check_in_code_uq" ON "meetings" USING btree ("check_in_code");--> statement-breakpoint
CREATE UNIQUE INDEX "minutes_meeting_uq" ON "minutes" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "minutes_finalized_by_idx" ON "minutes" USING btree ("finalized_by");--> statement-breakpoint
CREATE INDEX "minutes_updated_by_idx" ON "minutes" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "speakers_meeting_idx" ON "speakers" USING btree ("meeting_id","sort_order");--> statement-breakpoint
CREATE INDEX "speakers_user_idx" ON "speakers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_item_reviews_uq" ON "action_item_reviews" USING btree ("meeting_id","action_item_id");--> statement-breakpoint
CREATE INDEX "action_item_reviews_item_idx" ON "action_item_reviews" USING btree ("action_item_id");--> statement-breakpoint
CREATE INDEX "action_item_reviews_reviewed_by_idx" ON "action_item_reviews" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "action_item_updates_item_idx" ON "action_item_updates" USING btree ("action_item_id","created_at");--> statement-breakpoint
CREATE INDEX "action_item_updates_author_idx" ON "action_item_updates" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "action_item_updates_file_idx" ON "action_item_updates" USING btree ("evidence_file_id");--> statement-breakpoint
CREATE INDEX "action_item_updates_meeting_idx" ON "action_item_updates" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "action_items_meeting_idx" ON "action_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "action_items_decision_idx" ON "action_items" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "action_items_category_idx" ON "action_items" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "action_items_unit_status_due_idx" ON "action_items" USING btree ("work_unit_id","status","due_date");--> statement-breakpoint
CREATE INDEX "action_items_status_due_idx" ON "action_items" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "action_items_due_idx" ON "action_items" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "action_items_pic_idx" ON "action_items" USING btree ("pic_user_id");--> statement-breakpoint
CREATE INDEX "action_items_reported_by_idx" ON "action_items" USING btree ("reported_by");--> statement-breakpoint
CREATE INDEX "action_items_verified_by_idx" ON "action_items" USING btree ("verified_by");--> statement-breakpoint
CREATE INDEX "action_items_created_by_idx" ON "action_items" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "action_items_created_at_idx" ON "action_items" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_code_uq" ON "categories" USING btree ("code");--> statement-breakpoint
CREATE INDEX "categories_sort_idx" ON "categories" USING btree ("sort_order");--> statement-breakpoint
CREATE INDEX "evidence_files_item_idx" ON "evidence_files" USING btree ("action_item_id");--> statement-breakpoint
CREATE INDEX "evidence_files_uploaded_by_idx" ON "evidence_files" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "extension_requests_item_idx" ON "extension_requests" USING btree ("action_item_id");--> statement-breakpoint
CREATE INDEX "extension_requests_requested_by_idx" ON "extension_requests" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "extension_requests_decided_by_idx" ON "extension_requests" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "extension_requests_status_idx" ON "extension_requests" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "extension_requests_one_pending_uq" ON "extension_requests" USING btree ("action_item_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "audit_logs_entity_idx" ON "audit_logs" USING btree ("entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_actor_idx" ON "audit_logs" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_logs_created_idx" ON "audit_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","read_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_emails_status_idx" ON "outbox_emails" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_emails_dedupe_uq" ON "outbox_emails" USING btree ("dedupe_key");