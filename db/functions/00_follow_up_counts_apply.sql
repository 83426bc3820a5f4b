-- follow_up_counts_apply: the one definition of how action items count in the dashboard summaries
-- (follow_up_counts, follow_up_verify_days, follow_up_months). The three statement triggers of
-- action_items hand it their transition rows: follow_up_counts_ins the inserted rows as `added`,
-- follow_up_counts_del the deleted ones as `removed`, follow_up_counts_upd both (the old version of
-- each row is taken out, the new one put in). A row counts +1 when added and -1 when removed.
CREATE OR REPLACE FUNCTION follow_up_counts_apply(added action_items[], removed action_items[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH rs AS (SELECT r.*, 1 AS sign FROM unnest(added) r
              UNION ALL
              SELECT r.*, -1 AS sign FROM unnest(removed) r),
  d AS (SELECT r.work_unit_id, r.category_id, r.status,
           coalesce((r.status = 'verified' AND (r.reported_at AT TIME ZONE w.time_zone)::date <= r.due_date)::int, 0) AS on_time,
           CASE WHEN r.status = 'verified' AND r.verified_at IS NOT NULL
                THEN greatest(0, floor(extract(epoch FROM r.verified_at - r.created_at) / 86400))::int END AS days,
           date_trunc('month', r.created_at AT TIME ZONE w.time_zone)::date AS created_month,
           CASE WHEN r.status = 'verified' AND r.verified_at IS NOT NULL
                THEN date_trunc('month', r.verified_at AT TIME ZONE w.time_zone)::date END AS verified_month,
           r.sign
      FROM rs r JOIN work_units w ON w.id = r.work_unit_id),
  c AS (
    INSERT INTO follow_up_counts (work_unit_id, category_id, status, n, on_time)
    SELECT d.work_unit_id, d.category_id, d.status, sum(d.sign), sum(d.sign * d.on_time)
      FROM d GROUP BY 1, 2, 3
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.on_time) <> 0
    RETURNING 1
  ),
  v AS (
    INSERT INTO follow_up_verify_days (work_unit_id, category_id, days, n)
    SELECT d.work_unit_id, d.category_id, d.days, sum(d.sign)
      FROM d WHERE d.days IS NOT NULL GROUP BY 1, 2, 3
    HAVING sum(d.sign) <> 0
    RETURNING 1
  ),
  m AS (
    SELECT d.work_unit_id, d.created_month AS month, d.sign AS created, 0 AS verified FROM d
    UNION ALL
    SELECT d.work_unit_id, d.verified_month, 0, d.sign FROM d WHERE d.verified_month IS NOT NULL
  )
  INSERT INTO follow_up_months (work_unit_id, month, created, verified)
  SELECT m.work_unit_id, m.month, sum(m.created), sum(m.verified)
    FROM m GROUP BY 1, 2
  HAVING sum(m.created) <> 0 OR sum(m.verified) <> 0;
END $$;
