import { ScrollTable } from "@/components/ui/scroll-table";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { ROLES } from "@/lib/enums";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { listUsers } from "@/lib/admin/users";
import { listWorkUnitTree } from "@/lib/admin/work-units";
import { getT } from "@/lib/i18n/server";
import { pageNumber } from "@/lib/input";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Pengguna" };

type Search = { q?: string; role?: string; unitId?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const admin = await requireAdmin();
  const t = await getT();
  const sp = await searchParams;
  const role = ROLES.find((r) => r === sp.role);
  const unitId = sp.unitId && isUuid(sp.unitId) ? sp.unitId : undefined;
  const page = pageNumber(sp.page);
  const [{ items, total, pageSize }, units] = await Promise.all([listUsers(admin, { q: sp.q?.slice(0, 100), role, unitId, page }), listWorkUnitTree()]);
  return (
    <>
      <div className="page-head">
        <h1>{t("admin.users.title")}</h1>
        <Link className="btn" href="/admin/users/new">
          {t("admin.users.new")}
        </Link>
      </div>
      <form className="filters card" method="get" role="search">
        <div className="field">
          <label htmlFor="q">{t("admin.users.search")}</label>
          <input id="q" name="q" type="search" defaultValue={sp.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="role">{t("admin.users.role")}</label>
          <select id="role" name="role" defaultValue={role ?? ""}>
            <option value="">{t("admin.users.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="unitId">{t("admin.users.unit")}</label>
          <select id="unitId" name="unitId" defaultValue={unitId ?? ""}>
            <option value="">{t("admin.users.allUnits")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {`${"— ".repeat(u.depth)}${u.name}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="btn">
            {t("actions.filter")}
          </button>
        </div>
      </form>
      <p className="muted">{t("admin.users.total", { total })}</p>
      <ScrollTable label={t("admin.users.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.users.name")}</th>
              <th scope="col">{t("admin.users.email")}</th>
              <th scope="col">{t("admin.users.nip")}</th>
              <th scope="col">{t("admin.users.unit")}</th>
              <th scope="col">{t("admin.users.role")}</th>
              <th scope="col">{t("admin.users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                  <div className="muted">{u.position}</div>
                </td>
                <td>{u.email}</td>
                <td>{u.nip ?? "—"}</td>
                <td>{u.workUnitName}</td>
                <td>{t(`roles.${u.role}`)}</td>
                <td>{u.active ? <Badge tone="success">{t("common.active")}</Badge> : <Badge>{t("common.inactive")}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <Pagination page={page} hasNext={page * pageSize < total} basePath="/admin/users" params={{ q: sp.q, role, unitId }} />
    </>
  );
}
