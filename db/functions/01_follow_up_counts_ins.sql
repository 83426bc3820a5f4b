-- follow_up_counts_ins: the statement trigger of action_items rows inserted; the counting itself
-- is follow_up_counts_apply (00_follow_up_counts_apply.sql), written once for the three triggers.
CREATE OR REPLACE FUNCTION follow_up_counts_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM follow_up_counts_apply(ARRAY(SELECT r::action_items FROM new_rows r), '{}');
  RETURN NULL;
END $$;
