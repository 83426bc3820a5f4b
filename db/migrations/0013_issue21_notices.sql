CREATE TABLE "notification_email_mutes" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_email_mutes_user_id_kind_pk" PRIMARY KEY("user_id","kind"),
	CONSTRAINT "notification_email_mutes_kind_ck" CHECK (length(kind) between 1 and 40)
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reconfirm_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reconfirm_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_email_mutes" ADD CONSTRAINT "notification_email_mutes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_reconfirm_idx" ON "invitations" USING btree ("meeting_id") WHERE reconfirm_starts_at is not null;