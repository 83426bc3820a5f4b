import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ToggleActiveButton } from "@/components/admin/toggle-active-button";
import { WorkUnitForm } from "@/components/admin/work-unit-form";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { getWorkUnit, listWorkUnitTree } from "@/lib/admin/work-units";
import { getT } from "@/lib/i18n/server";
import { setWorkUnitActiveAction, updateWorkUnitAction } from "../../actions";
import { isUuid } from "@/lib/ids";

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  await requireAdmin();
  const { id } = await params;
  const unit = isUuid(id) ? await getWorkUnit(id) : null;
  if (!unit) notFound();
  const t = await getT();
  const tree = await listWorkUnitTree({ activeOnly: true });
  return (
    <>
      <h1>{t("admin.units.edit")}</h1>
      <WorkUnitForm
        initial={{ code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId, timeZone: unit.timeZone as "Asia/Jakarta" }}
        parents={tree.filter((u) => u.id !== unit.id).map((u) => ({ id: u.id, label: `${"— ".repeat(u.depth)}${u.name}` }))}
        action={updateWorkUnitAction.bind(null, unit.id, unit.version)}
      />
      <ToggleActiveButton
        active={unit.active}
        labels={{ deactivate: t("admin.units.deactivate"), activate: t("admin.units.activate") }}
        action={setWorkUnitActiveAction.bind(null, unit.id, unit.version, !unit.active)}
      />
    </>
  );
}
