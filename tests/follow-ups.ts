import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db/client";
import { actionItems, categories, type ActionItemStatus } from "@/db/schema";

/** Test-only helpers: a follow-up inserted directly in a given state. */
export async function firstCategoryId() {
  const [cat] = await db.select({ id: categories.id }).from(categories).orderBy(asc(categories.sortOrder)).limit(1);
  return cat!.id;
}

export async function insertItem(opts: {
  workUnitId: string;
  status?: ActionItemStatus;
  picUserId?: string | null;
  dueDate?: string;
  categoryId?: string;
  title?: string;
  createdAt?: Date;
  reportedAt?: Date | null;
  verifiedAt?: Date | null;
  meetingId?: string | null;
}) {
  const status = opts.status ?? "open";
  const [row] = await db
    .insert(actionItems)
    .values({
      title: opts.title ?? `Item ${Math.random().toString(36).slice(2, 8)}`,
      categoryId: opts.categoryId ?? (await firstCategoryId()),
      workUnitId: opts.workUnitId,
      picUserId: opts.picUserId ?? null,
      dueDate: opts.dueDate ?? "2099-01-01",
      status,
      progress: status === "reported" || status === "verified" ? 100 : 0,
      cancelReason: status === "cancelled" ? "test" : null,
      reportedAt: opts.reportedAt ?? (status === "reported" || status === "verified" ? new Date() : null),
      verifiedAt: opts.verifiedAt ?? (status === "verified" ? new Date() : null),
      createdAt: opts.createdAt ?? new Date(),
      meetingId: opts.meetingId ?? null,
    })
    .returning();
  return row!;
}

/** A deflated zip entry: the compressed bytes and the size they expand to (as the zip declares it). */
export type DeflatedEntry = { deflated: Uint8Array; size: number };

/** A minimal zip (stored entries, or deflated ones; CRCs are not checked by the detector). */
export function makeZip(entries: Record<string, string | DeflatedEntry>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const n = enc.encode(name);
    const deflated = typeof content === "string" ? null : content;
    const data = deflated ? deflated.deflated : enc.encode(content as string);
    const size = deflated ? deflated.size : data.length;
    const local = new Uint8Array(30 + n.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, deflated ? 8 : 0, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    local.set(data, 30 + n.length);
    const central = new Uint8Array(46 + n.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, deflated ? 8 : 0, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    central.set(n, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

const DOCX_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
export const makeDocx = (parts: Record<string, string | DeflatedEntry> = {}) => makeZip({ "[Content_Types].xml": DOCX_TYPES, "word/document.xml": "<w:document/>", ...parts });
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
