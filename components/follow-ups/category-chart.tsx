type Part = { key: string; label: string; value: number };
type Row = { id: string; name: string; parts: Part[]; total: number };

/**
 * Follow-ups per category as horizontal bars stacked by status, drawn server-side (no script).
 * Each bar's segments carry their numbers in a title; the per-category table is the
 * accessible alternative, so the chart is one labelled image.
 */
export function CategoryChart({ rows, label, format }: { rows: Row[]; label: string; format: (n: number) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.total));
  const parts = rows[0]?.parts ?? [];
  return (
    <figure className="cat-chart" style={{ margin: 0 }}>
      <div role="img" aria-label={label}>
        {rows.map((r) => (
          <div key={r.id} className="cat-row">
            <span className="cat-name">{r.name}</span>
            <span className="cat-bar" style={{ width: `${(100 * r.total) / max}%` }} aria-hidden="true">
              {r.parts
                .filter((p) => p.value > 0)
                .map((p) => (
                  <span key={p.key} className={`cat-seg cat-${p.key}`} style={{ width: `${(100 * p.value) / Math.max(1, r.total)}%` }} title={`${p.label}: ${format(p.value)}`} />
                ))}
            </span>
            <span className="cat-total">{format(r.total)}</span>
          </div>
        ))}
      </div>
      <figcaption className="cat-legend">
        {parts.map((p) => (
          <span key={p.key}>
            <span className={`cat-swatch cat-${p.key}`} aria-hidden="true" /> {p.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
