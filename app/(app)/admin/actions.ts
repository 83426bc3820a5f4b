"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createUser, resetUserPassword, setUserActive, signOutEverywhere, updateUser } from "@/lib/admin/users";
import { createWorkUnit, setWorkUnitActive, updateWorkUnit } from "@/lib/admin/work-units";
import { runAction } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { unlockSignIn } from "@/lib/auth/throttle";
import { arg, serverAction } from "@/lib/server-action";

// Thin actions: the user is checked here and again (with the permission) inside each use case.

export const createWorkUnitAction = serverAction([arg.values], async function createWorkUnitAction(values) {
  const user = await requireUser();
  const result = await runAction(async () => createWorkUnit(user, values, await requestContext()));
  if (result.ok) {
    revalidatePath("/admin/units");
    redirect("/admin/units");
  }
  return result;
});

export const updateWorkUnitAction = serverAction([arg.id, arg.version, arg.values], async function updateWorkUnitAction(id, version, values) {
  const user = await requireUser();
  const result = await runAction(async () => updateWorkUnit(user, id, version, values, await requestContext()), "admin.units.saved");
  if (result.ok) revalidatePath("/admin/units");
  return result;
});

export const setWorkUnitActiveAction = serverAction([arg.id, arg.version, arg.flag], async function setWorkUnitActiveAction(id, version, active) {
  const user = await requireUser();
  const result = await runAction(async () => setWorkUnitActive(user, id, version, active, await requestContext()), "admin.units.saved");
  if (result.ok) revalidatePath(`/admin/units/${id}`);
  return result;
});

export const createUserAction = serverAction([arg.values], async function createUserAction(values) {
  const user = await requireUser();
  const result = await runAction(async () => createUser(user, values, await requestContext()));
  if (result.ok) {
    revalidatePath("/admin/users");
    redirect("/admin/users");
  }
  return result;
});

export const updateUserAction = serverAction([arg.id, arg.version, arg.values], async function updateUserAction(id, version, values) {
  const user = await requireUser();
  const result = await runAction(async () => updateUser(user, id, version, values, await requestContext()), "admin.users.saved");
  if (result.ok) revalidatePath(`/admin/users/${id}`);
  return result;
});

export const setUserActiveAction = serverAction([arg.id, arg.version, arg.flag], async function setUserActiveAction(id, version, active) {
  const user = await requireUser();
  const result = await runAction(async () => setUserActive(user, id, version, active, await requestContext()), "admin.users.saved");
  if (result.ok) revalidatePath(`/admin/users/${id}`);
  return result;
});

export const resetPasswordAction = serverAction([arg.id, arg.values], async function resetPasswordAction(id, values) {
  const user = await requireUser();
  return runAction(async () => resetUserPassword(user, id, values, await requestContext()), "admin.users.passwordReset");
});

export const signOutEverywhereAction = serverAction([arg.id], async function signOutEverywhereAction(id) {
  const user = await requireUser();
  return runAction(async () => signOutEverywhere(user, id, await requestContext()), "admin.users.signedOutEverywhere");
});

export const unlockSignInAction = serverAction([arg.id], async function unlockSignInAction(id) {
  const user = await requireUser();
  return runAction(async () => unlockSignIn(user, id, await requestContext()), "admin.users.unlocked");
});
