import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { ActionButton, ToggleActiveButton } from "@/components/admin/toggle-active-button";
import { UserForm } from "@/components/admin/user-form";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { getUser } from "@/lib/admin/users";
import { listWorkUnitTree } from "@/lib/admin/work-units";
import { getT } from "@/lib/i18n/server";
import { resetPasswordAction, setUserActiveAction, signOutEverywhereAction, unlockSignInAction, updateUserAction } from "../../actions";
import { isUuid } from "@/lib/ids";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  await requireAdmin();
  const { id } = await params;
  const user = isUuid(id) ? await getUser(id) : null;
  if (!user) notFound();
  const t = await getT();
  const tree = await listWorkUnitTree({ activeOnly: true });
  return (
    <>
      <h1>{t("admin.users.edit")}</h1>
      <UserForm
        mode="edit"
        initial={{ name: user.name, email: user.email, nip: user.nip, position: user.position, workUnitId: user.workUnitId, role: user.role, unitContact: user.unitContact }}
        units={tree.map((u) => ({ id: u.id, label: `${"— ".repeat(u.depth)}${u.name}` }))}
        action={updateUserAction.bind(null, user.id, user.version)}
      />
      <ResetPasswordForm action={resetPasswordAction.bind(null, user.id)} />
      <ActionButton label={t("admin.users.signOutEverywhere")} action={signOutEverywhereAction.bind(null, user.id)} />
      <ActionButton label={t("admin.users.unlock")} action={unlockSignInAction.bind(null, user.id)} />
      <ToggleActiveButton
        active={user.active}
        labels={{ deactivate: t("admin.users.deactivate"), activate: t("admin.users.activate") }}
        action={setUserActiveAction.bind(null, user.id, user.version, !user.active)}
      />
    </>
  );
}
