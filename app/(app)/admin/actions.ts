"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createUser, resetUserPassword, setUserActive, signOutEverywhere, updateUser } from "@/lib/admin/users";
import { createWorkUnit, setWorkUnitActive, updateWorkUnit } from "@/lib/admin/work-units";
import { runAction } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { unlockSignIn } from "@/lib/auth/throttle";

// Thin actions: the user is checked here and again (with the permission) inside each use case.

export async function createWorkUnitAction(values: unknown) {
  const user = await requireUser();
  const result = await runAction(async () => createWorkUnit(user, values, await requestContext()));
  if (result.ok) {
    revalidatePath("/admin/units");
    redirect("/admin/units");
  }
  return result;
}

export async function updateWorkUnitAction(id: string, version: number, values: unknown) {
  const user = await requireUser();
  const result = await runAction(async () => updateWorkUnit(user, id, version, values, await requestContext()), "admin.units.saved");
  if (result.ok) revalidatePath("/admin/units");
  return result;
}

export async function setWorkUnitActiveAction(id: string, version: number, active: boolean) {
  const user = await requireUser();
  const result = await runAction(async () => setWorkUnitActive(user, id, version, active, await requestContext()), "admin.units.saved");
  if (result.ok) revalidatePath(`/admin/units/${id}`);
  return result;
}

export async function createUserAction(values: unknown) {
  const user = await requireUser();
  const result = await runAction(async () => createUser(user, values, await requestContext()));
  if (result.ok) {
    revalidatePath("/admin/users");
    redirect("/admin/users");
  }
  return result;
}

export async function updateUserAction(id: string, version: number, values: unknown) {
  const user = await requireUser();
  const result = await runAction(async () => updateUser(user, id, version, values, await requestContext()), "admin.users.saved");
  if (result.ok) revalidatePath(`/admin/users/${id}`);
  return result;
}

export async function setUserActiveAction(id: string, version: number, active: boolean) {
  const user = await requireUser();
  const result = await runAction(async () => setUserActive(user, id, version, active, await requestContext()), "admin.users.saved");
  if (result.ok) revalidatePath(`/admin/users/${id}`);
  return result;
}

export async function resetPasswordAction(id: string, values: unknown) {
  const user = await requireUser();
  return runAction(async () => resetUserPassword(user, id, values, await requestContext()), "admin.users.passwordReset");
}

export async function signOutEverywhereAction(id: string) {
  const user = await requireUser();
  return runAction(async () => signOutEverywhere(user, id, await requestContext()), "admin.users.signedOutEverywhere");
}

export async function unlockSignInAction(id: string) {
  const user = await requireUser();
  return runAction(async () => unlockSignIn(user, id, await requestContext()), "admin.users.unlocked");
}
