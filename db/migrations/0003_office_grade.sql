CREATE TABLE "office_settings" (
	"office_unit_id" uuid PRIMARY KEY NOT NULL,
	"ministry_line" text DEFAULT '' NOT NULL,
	"office_name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"place_name" text DEFAULT '' NOT NULL,
	"logo" "bytea",
	"logo_content_type" text,
	"default_signer_user_id" uuid,
	"letter_number_format" text DEFAULT '' NOT NULL,
	"letter_number_next" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_settings_next_ck" CHECK (letter_number_next >= 1),
	CONSTRAINT "office_settings_logo_ck" CHECK (logo is null or (logo_content_type in ('image/png','image/jpeg') and octet_length(logo) <= 1048576))
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"building" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_name_ck" CHECK (length(name) between 1 and 200),
	CONSTRAINT "rooms_capacity_ck" CHECK (capacity is null or capacity between 1 and 100000)
);
--> statement-breakpoint
CREATE TABLE "invitation_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" text NOT NULL,
	"letter_date" date NOT NULL,
	"place_name" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"signer_nip" varchar(18),
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "invitation_letters_number_ck" CHECK (length(number) between 1 and 100),
	CONSTRAINT "invitation_letters_nip_ck" CHECK (signer_nip is null or signer_nip ~ '^[0-9]{18}$')
);
--> statement-breakpoint
DROP INDEX "meetings_location_starts_idx";--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "location_key" text GENERATED ALWAYS AS (lower(regexp_replace(btrim(location), '\s+', ' ', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "office_settings" ADD CONSTRAINT "office_settings_office_unit_id_work_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."work_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_settings" ADD CONSTRAINT "office_settings_default_signer_user_id_users_id_fk" FOREIGN KEY ("default_signer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_settings" ADD CONSTRAINT "office_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_office_unit_id_work_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."work_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_letters" ADD CONSTRAINT "invitation_letters_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_letters" ADD CONSTRAINT "invitation_letters_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "office_settings_signer_idx" ON "office_settings" USING btree ("default_signer_user_id");--> statement-breakpoint
CREATE INDEX "office_settings_updated_by_idx" ON "office_settings" USING btree ("updated_by");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_office_name_uq" ON "rooms" USING btree ("office_unit_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "invitation_letters_meeting_uq" ON "invitation_letters" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "invitation_letters_issued_by_idx" ON "invitation_letters" USING btree ("issued_by");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_location_key_starts_idx" ON "meetings" USING btree ("location_key","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_room_starts_idx" ON "meetings" USING btree ("room_id","starts_at");