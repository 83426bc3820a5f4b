import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { actionItemUpdates, actionItems, evidenceFiles } from "@/db/schema";
import { audit, type AuditContext } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { oneLine } from "@/lib/input";
import { parseInput } from "@/lib/validation";
import { loadVisibleItem, resourceOf } from "./access";
import { CONTENT_TYPES, detectFileType, evidenceFileName, zipExpandsWithin } from "./file-type";
import { MAX_EVIDENCE_BYTES, evidenceNoteSchema, type EvidenceKind } from "./schemas";
import { isUuid } from "@/lib/ids";

export type UploadedFile = { name: string; bytes: Uint8Array };
export type CheckedFile = { fileName: string; contentType: string; kind: EvidenceKind; bytes: Uint8Array };

/**
 * Checks an upload before anything is stored: not empty, at most 10 MB, and a PDF, JPEG, PNG,
 * DOCX or XLSX judged from its content (a DOCX/XLSX whose parts expand beyond a fixed budget is
 * refused). Errors are reported on the `file` field.
 */
export function checkEvidenceFile(file: UploadedFile, field = "file"): CheckedFile {
  if (file.bytes.length === 0) throw new ValidationError({ [field]: ["followUps.errors.fileEmpty"] });
  if (file.bytes.length > MAX_EVIDENCE_BYTES) throw new ValidationError({ [field]: ["followUps.errors.fileTooLarge"] });
  const kind = detectFileType(file.bytes);
  if (!kind) throw new ValidationError({ [field]: ["followUps.errors.fileType"] });
  if ((kind === "docx" || kind === "xlsx") && !zipExpandsWithin(file.bytes)) throw new ValidationError({ [field]: ["followUps.errors.fileExpands"] });
  return { kind, contentType: CONTENT_TYPES[kind], fileName: evidenceFileName(file.name, kind), bytes: file.bytes };
}

/** Stores a checked file in the caller's transaction. */
export async function storeEvidence(tx: Tx, itemId: string, userId: string, file: CheckedFile) {
  const [row] = await tx
    .insert(evidenceFiles)
    .values({ actionItemId: itemId, fileName: file.fileName, contentType: file.contentType, size: file.bytes.length, data: file.bytes, uploadedBy: userId })
    .returning({ id: evidenceFiles.id, fileName: evidenceFiles.fileName });
  return row!;
}

/** Adds a piece of evidence while the item is being worked on (owner unit, up to "reported"). */
export async function uploadEvidence(user: CurrentUser, itemId: string, file: UploadedFile, input: unknown = {}, ctx: Omit<AuditContext, "actorId"> = {}) {
  const { note } = parseInput(evidenceNoteSchema, input);
  const item = await loadVisibleItem(user, itemId);
  if (!can(user, "actionItem.work", resourceOf(item))) throw new ForbiddenError("followUps.errors.notWorkable");
  const checked = checkEvidenceFile(file);
  return db.transaction(async (tx) => {
    const stored = await storeEvidence(tx, item.id, user.id, checked);
    await tx.insert(actionItemUpdates).values({ actionItemId: item.id, authorId: user.id, kind: "progress", progress: item.progress, note, evidenceFileId: stored.id });
    await tx.update(actionItems).set({ updatedAt: sql`now()` }).where(eq(actionItems.id, item.id));
    await audit(tx, { actorId: user.id, ...ctx }, "actionItem.evidence", "action_item", item.id, { file: stored.fileName, size: checked.bytes.length });
    return stored;
  });
}

/**
 * An evidence file for download: only for users who may see its item (others get 404).
 * The route handler serves it as an attachment with the stored (detected) content type.
 */
export async function getEvidenceFile(user: CurrentUser, fileId: string) {
  if (!isUuid(fileId)) throw new NotFoundError();
  const [file] = await db
    .select({ id: evidenceFiles.id, actionItemId: evidenceFiles.actionItemId, fileName: evidenceFiles.fileName, contentType: evidenceFiles.contentType, size: evidenceFiles.size, data: evidenceFiles.data })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.id, fileId));
  if (!file) throw new NotFoundError();
  await loadVisibleItem(user, file.actionItemId);
  if (!file.data) throw new NotFoundError();
  return { ...file, data: new Uint8Array(file.data) };
}

/**
 * Content-Disposition for a download: ASCII fallback plus the UTF-8 name (RFC 6266/5987). The name
 * is made one clean line first (no CR/LF, control or bidi characters, no lone surrogates), whatever
 * was stored, so it can never break the header.
 */
export function attachmentDisposition(fileName: string): string {
  const clean = oneLine(fileName.toWellFormed()) || "file";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Whether an evidence file belongs to an item (to reuse it when reporting again). */
export async function evidenceBelongsTo(fileId: string, itemId: string, handle: Tx | typeof db = db) {
  if (!isUuid(fileId)) return false;
  const [row] = await handle
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.actionItemId, itemId)));
  return !!row;
}
