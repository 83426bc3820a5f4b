"use server";

import { checkDocument } from "@/lib/documents/verify";
import { arg, serverAction } from "@/lib/server-action";

export type CheckState = { result: "match" | "mismatch" | "unknown" | "empty" } | null;

/** Public: compares an uploaded file (or a pasted SHA-256) with the stored document of a code. */
export const checkDocumentAction = serverAction([arg.code, arg.previous, arg.formData], async function checkDocumentAction(code, _prev, formData): Promise<CheckState> {
  const file = formData.get("file");
  const pasted = formData.get("sha256");
  const bytes = file && typeof file !== "string" && file.size > 0 && file.size <= 50 * 1024 * 1024 ? new Uint8Array(await file.arrayBuffer()) : undefined;
  const sha256 = typeof pasted === "string" ? pasted : undefined;
  if (!bytes && !sha256?.trim()) return { result: "empty" };
  const result = await checkDocument(code, { bytes, sha256 });
  return { result: result ?? "unknown" };
}, null);
