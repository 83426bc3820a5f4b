import { ScrollTable } from "@/components/ui/scroll-table";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Badge } from "@/components/ui/badge";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { listWorkUnitTree } from "@/lib/admin/work-units";
import { getT } from "@/lib/i18n/server";
import { zoneLabel } from "@/lib/time";

export const metadata: Metadata = { title: "Unit Kerja" };

export default async function UnitsPage() {
  await connection();
  await requireAdmin();
  const t = await getT();
  const tree = await listWorkUnitTree();
  return (
    <>
      <div className="page-head">
        <h1>{t("admin.units.title")}</h1>
        <Link className="btn" href="/admin/units/new">
          {t("admin.units.new")}
        </Link>
      </div>
      <ScrollTable label={t("admin.units.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.units.name")}</th>
              <th scope="col">{t("admin.units.code")}</th>
              <th scope="col">{t("admin.units.kind")}</th>
              <th scope="col">{t("admin.units.timeZone")}</th>
              <th scope="col">{t("admin.units.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tree.map((u) => (
              <tr key={u.id}>
                <td>
                  <span className="tree-indent" style={{ paddingLeft: `${u.depth * 1.5}rem` }} aria-hidden="true">
                    {u.depth > 0 ? "└ " : ""}
                  </span>
                  <Link href={`/admin/units/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.code}</td>
                <td>{t(`unitKinds.${u.kind}`)}</td>
                <td>{zoneLabel(u.timeZone)}</td>
                <td>{u.active ? <Badge tone="success">{t("common.active")}</Badge> : <Badge>{t("common.inactive")}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
