import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** Previous/next links that keep the current filters (server component). */
export async function Pagination({
  page,
  hasNext,
  basePath,
  params,
}: {
  page: number;
  hasNext: boolean;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getT();
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
    search.set("page", String(p));
    return `${basePath}?${search.toString()}`;
  };
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? <Link href={href(page - 1)}>{t("actions.previous")}</Link> : null}
      <span>{t("common.page", { page })}</span>
      {hasNext ? <Link href={href(page + 1)}>{t("actions.next")}</Link> : null}
    </nav>
  );
}
