CREATE TABLE "api_user_rate_windows" (
	"user_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_user_rate_windows" ADD CONSTRAINT "api_user_rate_windows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_user_rate_windows_pk" ON "api_user_rate_windows" USING btree ("user_id","window_start");--> statement-breakpoint
-- custom: agenda positions are unique per meeting. Concurrent inserts once produced duplicates
-- (1,1,1,2,…): renumber each meeting's items 1..n in their current order first. The constraint is
-- DEFERRABLE INITIALLY DEFERRED so a swap (moveAgendaItem) or a renumbering may pass through a
-- duplicate inside its transaction; it is checked at commit. (drizzle-kit cannot express
-- deferrable constraints, so it is kept here rather than in db/schema.)
UPDATE "agenda_items" a SET "position" = r.n
  FROM (SELECT "id", row_number() OVER (PARTITION BY "meeting_id" ORDER BY "position", "created_at", "id") AS n FROM "agenda_items") r
 WHERE a."id" = r."id" AND a."position" <> r.n;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_position_uq" UNIQUE ("meeting_id", "position") DEFERRABLE INITIALLY DEFERRED;
