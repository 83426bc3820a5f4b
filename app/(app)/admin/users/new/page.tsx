import { connection } from "next/server";
import { UserForm } from "@/components/admin/user-form";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { listWorkUnitTree } from "@/lib/admin/work-units";
import { getT } from "@/lib/i18n/server";
import { createUserAction } from "../../actions";

export default async function NewUserPage() {
  await connection();
  await requireAdmin();
  const t = await getT();
  const tree = await listWorkUnitTree({ activeOnly: true });
  return (
    <>
      <h1>{t("admin.users.new")}</h1>
      <UserForm mode="create" units={tree.map((u) => ({ id: u.id, label: `${"— ".repeat(u.depth)}${u.name}` }))} action={createUserAction} />
    </>
  );
}
