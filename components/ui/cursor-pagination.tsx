import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** "Previous / next" links of a keyset-paginated list; they keep the current filters (server component). */
export async function CursorPagination({
  basePath,
  params,
  nextCursor,
  prevCursor,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
  prevCursor: string | null;
}) {
  if (!nextCursor && !prevCursor) return null;
  const t = await getT();
  const href = (cursor: string) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== "cursor") search.set(k, v);
    search.set("cursor", cursor);
    return `${basePath}?${search.toString()}`;
  };
  return (
    <nav className="pagination" aria-label={t("common.pagination")}>
      {prevCursor ? (
        <Link href={href(prevCursor)} rel="prev">
          {t("actions.previous")}
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={href(nextCursor)} rel="next">
          {t("actions.next")}
        </Link>
      ) : null}
    </nav>
  );
}
