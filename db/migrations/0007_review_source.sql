ALTER TABLE "action_items" ADD COLUMN "source_starts_at" timestamp with time zone;--> statement-breakpoint
-- custom: source_starts_at follows the item's meeting (set on insert and when meeting_id changes,
-- including ON DELETE SET NULL) and the meeting's start (a reschedule moves it on its items).
CREATE FUNCTION action_item_source_starts_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.source_starts_at := (SELECT m.starts_at FROM meetings m WHERE m.id = NEW.meeting_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER action_items_source_starts_at BEFORE INSERT OR UPDATE OF meeting_id ON action_items
  FOR EACH ROW EXECUTE FUNCTION action_item_source_starts_at();
--> statement-breakpoint
CREATE FUNCTION meeting_starts_at_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE action_items SET source_starts_at = NEW.starts_at WHERE meeting_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meetings_starts_at_to_items AFTER UPDATE OF starts_at ON meetings
  FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at) EXECUTE FUNCTION meeting_starts_at_to_items();
--> statement-breakpoint
UPDATE action_items a SET source_starts_at = m.starts_at FROM meetings m WHERE m.id = a.meeting_id;
--> statement-breakpoint
-- custom: the review's counts per unit read only this index (index only): the unfinished items of a
-- unit with what the "came before this meeting" rule, visibility and overdue need.
CREATE INDEX "action_items_review_idx" ON "action_items" ("work_unit_id")
  INCLUDE ("id", "meeting_id", "source_starts_at", "created_at", "due_date", "pic_user_id")
  WHERE status IN ('open', 'in_progress', 'reported');
