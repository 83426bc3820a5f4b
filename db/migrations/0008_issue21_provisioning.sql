CREATE TABLE "provisioning_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid,
	"source" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"units_file_name" text,
	"full_export" boolean DEFAULT false NOT NULL,
	"people" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"units" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'dry_run' NOT NULL,
	"summary" jsonb,
	"applied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provisioning_runs_status_ck" CHECK (status in ('dry_run','applied')),
	CONSTRAINT "provisioning_runs_source_ck" CHECK (source in ('upload','api'))
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "provisioning_runs" ADD CONSTRAINT "provisioning_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provisioning_runs_created_idx" ON "provisioning_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "provisioning_runs_created_by_idx" ON "provisioning_runs" USING btree ("created_by");