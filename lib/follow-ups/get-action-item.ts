import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, rows } from "@/db/client";
import { actionItemUpdates, categories, decisions, evidenceFiles, extensionRequests, meetings, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/types";
import { can } from "@/lib/permissions";
import { loadVisibleItem, resourceOf } from "./access";
import { isDueSoon, isOverdue, todaySql } from "./overdue";
import { allowedTransitions } from "./workflow";

/** One follow-up with its timeline, evidence and extension history (a handful of queries, none per row). */
export async function getActionItem(user: CurrentUser, id: string) {
  const item = await loadVisibleItem(user, id);
  const requester = alias(users, "requester");
  const decider = alias(users, "decider");
  const [[meta], timeline, files, extensions, [flags]] = await Promise.all([
    db
      .select({
        categoryNameId: categories.nameId,
        categoryNameEn: categories.nameEn,
        picName: users.name,
        meetingTitle: meetings.title,
        meetingStartsAt: meetings.startsAt,
        decisionNumber: decisions.number,
        decisionText: decisions.text,
      })
      .from(categories)
      .leftJoin(users, eq(users.id, sql`${item.picUserId}::uuid`))
      .leftJoin(meetings, eq(meetings.id, sql`${item.meetingId}::uuid`))
      .leftJoin(decisions, eq(decisions.id, sql`${item.decisionId}::uuid`))
      .where(eq(categories.id, item.categoryId)),
    db
      .select({
        id: actionItemUpdates.id,
        kind: actionItemUpdates.kind,
        fromStatus: actionItemUpdates.fromStatus,
        toStatus: actionItemUpdates.toStatus,
        progress: actionItemUpdates.progress,
        note: actionItemUpdates.note,
        evidenceUrl: actionItemUpdates.evidenceUrl,
        evidenceFileId: actionItemUpdates.evidenceFileId,
        evidenceFileName: evidenceFiles.fileName,
        meetingId: actionItemUpdates.meetingId,
        authorName: users.name,
        createdAt: actionItemUpdates.createdAt,
      })
      .from(actionItemUpdates)
      .leftJoin(users, eq(users.id, actionItemUpdates.authorId))
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, actionItemUpdates.evidenceFileId))
      .where(eq(actionItemUpdates.actionItemId, item.id))
      .orderBy(asc(actionItemUpdates.createdAt), asc(actionItemUpdates.id)),
    db
      .select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, contentType: evidenceFiles.contentType, size: evidenceFiles.size, createdAt: evidenceFiles.createdAt, uploadedByName: users.name })
      .from(evidenceFiles)
      .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
      .where(eq(evidenceFiles.actionItemId, item.id))
      .orderBy(desc(evidenceFiles.createdAt)),
    db
      .select({
        id: extensionRequests.id,
        currentDueDate: extensionRequests.currentDueDate,
        requestedDueDate: extensionRequests.requestedDueDate,
        reason: extensionRequests.reason,
        status: extensionRequests.status,
        decisionNote: extensionRequests.decisionNote,
        createdAt: extensionRequests.createdAt,
        decidedAt: extensionRequests.decidedAt,
        requestedByName: requester.name,
        decidedByName: decider.name,
      })
      .from(extensionRequests)
      .leftJoin(requester, eq(requester.id, extensionRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, extensionRequests.decidedBy))
      .where(eq(extensionRequests.actionItemId, item.id))
      .orderBy(desc(extensionRequests.createdAt)),
    rows<{ today: string }>(sql`select to_char(${todaySql(sql`${item.unitTimeZone}`)}, 'YYYY-MM-DD') as today`),
  ]);
  const resource = resourceOf(item);
  // A reported item sent back is "in progress" again: the latest return says why, until it is reported again.
  const lastTransition = [...timeline].reverse().find((u) => u.kind === "transition");
  const returned =
    item.status === "in_progress" && lastTransition?.fromStatus === "reported" && lastTransition.toStatus === "in_progress"
      ? { reason: lastTransition.note, by: lastTransition.authorName, at: lastTransition.createdAt }
      : null;
  // Link evidence (bukti dukung as a URL) given with reports and progress updates, newest first.
  const evidenceLinks = [...new Map(timeline.filter((u) => u.evidenceUrl).reverse().map((u) => [u.evidenceUrl!, { url: u.evidenceUrl!, by: u.authorName, at: u.createdAt }])).values()];
  const pendingExtension = extensions.find((e) => e.status === "pending") ?? null;
  return {
    item,
    category: { nameId: meta?.categoryNameId ?? "", nameEn: meta?.categoryNameEn ?? "" },
    picName: meta?.picName ?? null,
    meeting: item.meetingId && meta?.meetingTitle ? { id: item.meetingId, title: meta.meetingTitle, startsAt: meta.meetingStartsAt! } : null,
    decision: item.decisionId && meta?.decisionText ? { id: item.decisionId, number: meta.decisionNumber!, text: meta.decisionText } : null,
    timeline,
    returned,
    files,
    evidenceLinks,
    extensions,
    pendingExtension,
    overdue: !!flags && isOverdue(item, flags.today),
    dueSoon: !!flags && isDueSoon(item, flags.today),
    today: flags?.today ?? "",
    can: {
      transitions: allowedTransitions(user, item).map((r) => ({ name: r.name, to: r.to })),
      work: can(user, "actionItem.work", resource),
      requestExtension: can(user, "actionItem.requestExtension", resource) && !pendingExtension,
      decideExtension: can(user, "actionItem.decideExtension", resource) && !!pendingExtension,
    },
  };
}
export type ActionItemDetail = Awaited<ReturnType<typeof getActionItem>>;
