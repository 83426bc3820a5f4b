import { connection } from "next/server";
import { WorkUnitForm } from "@/components/admin/work-unit-form";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { listWorkUnitTree } from "@/lib/admin/work-units";
import { getT } from "@/lib/i18n/server";
import { createWorkUnitAction } from "../../actions";

export default async function NewUnitPage() {
  await connection();
  await requireAdmin();
  const t = await getT();
  const tree = await listWorkUnitTree({ activeOnly: true });
  return (
    <>
      <h1>{t("admin.units.new")}</h1>
      <WorkUnitForm parents={tree.map((u) => ({ id: u.id, label: `${"— ".repeat(u.depth)}${u.name}` }))} action={createWorkUnitAction} />
    </>
  );
}
