CREATE TABLE "holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_unit_id" uuid,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holidays_name_ck" CHECK (length(name) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "app_flags" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb DEFAULT 'true'::jsonb NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_office_unit_id_work_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."work_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_office_date_uq" ON "holidays" USING btree (coalesce("office_unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"date");--> statement-breakpoint
CREATE INDEX "holidays_date_idx" ON "holidays" USING btree ("date");--> statement-breakpoint
CREATE INDEX "holidays_office_idx" ON "holidays" USING btree ("office_unit_id");--> statement-breakpoint
CREATE INDEX "holidays_created_by_idx" ON "holidays" USING btree ("created_by");--> statement-breakpoint
-- custom: issue 23
-- Rooms the way people type them: trigram similarity (pg_trgm; PGlite loads its contrib build) and
-- a trigram GIN index on the room names, for suggestions while a place is typed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "rooms_name_trgm_idx" ON "rooms" USING gin (lower("name") gin_trgm_ops);
--> statement-breakpoint
-- The national holidays of 2026 (SKB 3 Menteri) and 2027 (the dates of the lunar holidays are the
-- calculated ones, marked "perkiraan", until the decree is published; admins correct them).
INSERT INTO "holidays" ("office_unit_id", "date", "name") VALUES
  (NULL, '2026-01-01', 'Tahun Baru 2026 Masehi'),
  (NULL, '2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  (NULL, '2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  (NULL, '2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  (NULL, '2026-03-21', 'Idul Fitri 1447 Hijriah'),
  (NULL, '2026-03-22', 'Idul Fitri 1447 Hijriah'),
  (NULL, '2026-04-03', 'Wafat Yesus Kristus'),
  (NULL, '2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  (NULL, '2026-05-01', 'Hari Buruh Internasional'),
  (NULL, '2026-05-14', 'Kenaikan Yesus Kristus'),
  (NULL, '2026-05-27', 'Idul Adha 1447 Hijriah'),
  (NULL, '2026-05-31', 'Hari Raya Waisak 2570 BE'),
  (NULL, '2026-06-01', 'Hari Lahir Pancasila'),
  (NULL, '2026-06-16', 'Tahun Baru Islam 1448 Hijriah'),
  (NULL, '2026-08-17', 'Hari Proklamasi Kemerdekaan RI'),
  (NULL, '2026-08-25', 'Maulid Nabi Muhammad SAW'),
  (NULL, '2026-12-25', 'Hari Raya Natal'),
  (NULL, '2027-01-01', 'Tahun Baru 2027 Masehi'),
  (NULL, '2027-01-05', 'Isra Mikraj Nabi Muhammad SAW (perkiraan)'),
  (NULL, '2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'),
  (NULL, '2027-03-09', 'Hari Suci Nyepi (Tahun Baru Saka 1949) (perkiraan)'),
  (NULL, '2027-03-10', 'Idul Fitri 1448 Hijriah (perkiraan)'),
  (NULL, '2027-03-11', 'Idul Fitri 1448 Hijriah (perkiraan)'),
  (NULL, '2027-03-26', 'Wafat Yesus Kristus'),
  (NULL, '2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
  (NULL, '2027-05-01', 'Hari Buruh Internasional'),
  (NULL, '2027-05-06', 'Kenaikan Yesus Kristus'),
  (NULL, '2027-05-17', 'Idul Adha 1448 Hijriah (perkiraan)'),
  (NULL, '2027-05-20', 'Hari Raya Waisak 2571 BE (perkiraan)'),
  (NULL, '2027-06-01', 'Hari Lahir Pancasila'),
  (NULL, '2027-06-06', 'Tahun Baru Islam 1449 Hijriah (perkiraan)'),
  (NULL, '2027-08-15', 'Maulid Nabi Muhammad SAW (perkiraan)'),
  (NULL, '2027-08-17', 'Hari Proklamasi Kemerdekaan RI'),
  (NULL, '2027-12-25', 'Hari Raya Natal')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- An installation seeded with the demo data before this migration: it keeps showing the demo hint.
INSERT INTO "app_flags" ("key", "value") SELECT 'demo_seeded', 'true'::jsonb WHERE EXISTS (SELECT 1 FROM "users" WHERE "email" = 'admin@rakor.test') ON CONFLICT DO NOTHING;
