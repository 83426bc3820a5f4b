import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { getT } from "@/lib/i18n/server";
import { listOffices } from "@/lib/offices/office";

export const metadata: Metadata = { title: "Kantor & Ruang" };

/** The regional offices (roots of the unit tree): each has its letterhead and rooms. */
export default async function OfficesPage() {
  await connection();
  await requireAdmin();
  const [t, offices] = await Promise.all([getT(), listOffices()]);
  return (
    <>
      <h1>{t("offices.title")}</h1>
      <p className="muted">{t("offices.intro")}</p>
      <p>
        <Link href="/admin/holidays">{t("offices.holidays.link")}</Link>
      </p>
      <h2>{t("offices.list")}</h2>
      <ul className="card link-list">
        {offices.map((o) => (
          <li key={o.id}>
            <Link href={`/admin/offices/${o.id}`} aria-label={t("offices.manage", { name: o.name })}>
              {o.name}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
