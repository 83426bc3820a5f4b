"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-result";
import { requestContext, requireUser } from "@/lib/auth/session";
import { createRoom, updateRoom } from "@/lib/offices/rooms";
import { saveOfficeSettings } from "@/lib/offices/settings";
import { saveSigningCertificate } from "@/lib/documents/signing";
import { arg, serverAction } from "@/lib/server-action";

// Thin actions: the user is checked here and again (with the permission) inside each use case.

const SETTINGS_FIELDS = ["ministryLine", "officeName", "address", "phone", "email", "website", "placeName", "defaultSignerUserId", "letterNumberFormat", "letterNumberNext", "defaultCopies", "showDivisionLine", "removeLogo"];

/** The settings form carries the logo file, so it posts FormData. */
export const saveOfficeSettingsAction = serverAction([arg.id, arg.version, arg.previous, arg.formData], async function saveOfficeSettingsAction(officeId, version, _prev, formData): Promise<ActionState> {
  const user = await requireUser();
  const values = Object.fromEntries(SETTINGS_FIELDS.map((k) => [k, formData.get(k) ?? undefined]).filter(([, v]) => typeof v === "string" || v === undefined));
  const file = formData.get("logo");
  const logo = file && typeof file !== "string" && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  const result = await runAction(async () => saveOfficeSettings(user, officeId, version, values, logo, await requestContext()), "offices.settings.saved");
  if (result.ok) revalidatePath(`/admin/offices/${officeId}`);
  return result.ok ? { ok: true, message: result.message } : result;
});

export const saveRoomAction = serverAction([arg.id, arg.optionalId, arg.version, arg.values], async function saveRoomAction(officeId, roomId, version, values): Promise<ActionState> {
  const user = await requireUser();
  const input = typeof values === "object" && values ? { ...values, officeUnitId: officeId } : values;
  const result = await runAction(async () => (roomId ? updateRoom(user, roomId, version, input, await requestContext()) : createRoom(user, input, await requestContext())), "offices.rooms.saved");
  if (result.ok) revalidatePath(`/admin/offices/${officeId}`);
  return result.ok ? { ok: true, message: result.message } : result;
});

/** Uploads the office's signing certificate (PKCS#12 and its passphrase), stored encrypted. */
export const saveCertificateAction = serverAction([arg.id, arg.previous, arg.formData], async function saveCertificateAction(officeId, _prev, formData): Promise<ActionState> {
  const user = await requireUser();
  const file = formData.get("certificate");
  const passphrase = formData.get("passphrase");
  const bytes = file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const result = await runAction(async () => saveSigningCertificate(user, officeId, bytes, typeof passphrase === "string" ? passphrase : "", await requestContext()), "offices.settings.certificateSaved");
  if (result.ok) revalidatePath(`/admin/offices/${officeId}`);
  return result.ok ? { ok: true, message: result.message } : result;
});
