CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"letter_id" uuid,
	"number" text,
	"document_date" date NOT NULL,
	"subject" text NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"body" "bytea" NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"code" varchar(16) NOT NULL,
	"signed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "documents_kind_ck" CHECK (kind in ('minutes','invitation','reschedule','cancellation')),
	CONSTRAINT "documents_sha_ck" CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "documents_version_ck" CHECK (version >= 1)
);
--> statement-breakpoint
CREATE TABLE "letter_sequences" (
	"office_unit_id" uuid NOT NULL,
	"classification" text NOT NULL,
	"year" integer NOT NULL,
	"next" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "letter_sequences_office_unit_id_classification_year_pk" PRIMARY KEY("office_unit_id","classification","year"),
	CONSTRAINT "letter_sequences_next_ck" CHECK (next >= 1),
	CONSTRAINT "letter_sequences_year_ck" CHECK (year between 1900 and 9999)
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_unit_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"letter_date" date NOT NULL,
	"place_name" text NOT NULL,
	"nature" text DEFAULT 'biasa' NOT NULL,
	"subject" text NOT NULL,
	"addressees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"addressees_attached" boolean DEFAULT false NOT NULL,
	"copies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"signer_nip" varchar(18),
	"on_behalf_kind" text,
	"on_behalf_of" text,
	"refers_to_letter_id" uuid,
	"details" jsonb NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdraw_reason" text,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "letters_kind_ck" CHECK (kind in ('invitation','reschedule','cancellation')),
	CONSTRAINT "letters_nature_ck" CHECK (nature in ('biasa','segera','sangat_segera','rahasia')),
	CONSTRAINT "letters_on_behalf_ck" CHECK (on_behalf_kind is null or on_behalf_kind in ('an','ub','plt','plh')),
	CONSTRAINT "letters_number_ck" CHECK (length(number) between 1 and 100),
	CONSTRAINT "letters_nip_ck" CHECK (signer_nip is null or signer_nip ~ '^[0-9]{18}$')
);
--> statement-breakpoint
CREATE TABLE "signing_certificates" (
	"office_unit_id" uuid PRIMARY KEY NOT NULL,
	"encrypted" "bytea" NOT NULL,
	"subject" text NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_units" ADD COLUMN "city" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "office_settings" ADD COLUMN "default_copies" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "office_settings" ADD COLUMN "show_division_line" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_sequences" ADD CONSTRAINT "letter_sequences_office_unit_id_work_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."work_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_office_unit_id_work_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."work_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_refers_to_letter_id_letters_id_fk" FOREIGN KEY ("refers_to_letter_id") REFERENCES "public"."letters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_office_unit_id_work_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."work_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_code_uq" ON "documents" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_meeting_kind_version_uq" ON "documents" USING btree ("meeting_id","kind","version") WHERE letter_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_letter_uq" ON "documents" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "documents_created_by_idx" ON "documents" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_office_year_number_uq" ON "letters" USING btree ("office_unit_id","year","number");--> statement-breakpoint
CREATE INDEX "letters_office_date_idx" ON "letters" USING btree ("office_unit_id","letter_date","issued_at");--> statement-breakpoint
CREATE INDEX "letters_meeting_idx" ON "letters" USING btree ("meeting_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_meeting_invitation_uq" ON "letters" USING btree ("meeting_id") WHERE kind = 'invitation' and withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "letters_refers_idx" ON "letters" USING btree ("refers_to_letter_id");--> statement-breakpoint
CREATE INDEX "letters_issued_by_idx" ON "letters" USING btree ("issued_by");--> statement-breakpoint
CREATE INDEX "letters_withdrawn_by_idx" ON "letters" USING btree ("withdrawn_by");--> statement-breakpoint
CREATE INDEX "signing_certificates_uploaded_by_idx" ON "signing_certificates" USING btree ("uploaded_by");--> statement-breakpoint
-- custom: issue 19
-- The sequences as they stood (the current year of each office), and the letters issued before
-- the register existed. A number held twice (the bug of issue 19) keeps its first holder; later
-- holders are marked "(ganda n)" so the register's unique index holds.
INSERT INTO "letter_sequences" ("office_unit_id", "classification", "year", "next")
SELECT s."office_unit_id", s."letter_number_format", extract(year from (now() at time zone 'Asia/Jakarta'))::int, s."letter_number_next"
  FROM "office_settings" s WHERE s."letter_number_format" <> ''
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "letters" ("office_unit_id", "meeting_id", "kind", "number", "year", "letter_date", "place_name", "nature", "subject",
  "addressees", "addressees_attached", "copies", "signer_name", "signer_position", "signer_nip", "details", "issued_by", "issued_at")
WITH RECURSIVE up AS (
  SELECT w.id AS start_id, w.id, w.parent_id FROM "work_units" w
  UNION ALL
  SELECT up.start_id, p.id, p.parent_id FROM up JOIN "work_units" p ON p.id = up.parent_id
), roots AS (SELECT start_id, id AS root_id FROM up WHERE parent_id IS NULL),
numbered AS (
  SELECT l.*, r.root_id, m.title, m.starts_at, m.ends_at,
         row_number() OVER (PARTITION BY r.root_id, extract(year from l.letter_date), l.number ORDER BY l.issued_at, l.id) AS rn
    FROM "invitation_letters" l
    JOIN "meetings" m ON m.id = l.meeting_id
    JOIN roots r ON r.start_id = m.organizer_unit_id
)
SELECT root_id, meeting_id, 'invitation',
       CASE WHEN rn = 1 THEN number ELSE left(number, 80) || ' (ganda ' || rn || ')' END,
       extract(year from letter_date)::int, letter_date, place_name, 'biasa', left('Undangan ' || title, 300),
       '[]'::jsonb, true, '[]'::jsonb, signer_name, signer_position, signer_nip,
       jsonb_build_object('startsAt', to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'endsAt', to_char(ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       issued_by, issued_at
  FROM numbered;
