import type { LiveItem, LiveState } from "./types";

/**
 * Where the agenda stands, read the way the console runs it (starting an item ends the one before;
 * "Akhiri acara terakhir" ends the last): an item under way, every item done, or none started yet.
 */
export type AgendaProgress = { kind: "current"; item: LiveItem } | { kind: "done" } | { kind: "notStarted" };

export function agendaProgress(state: Pick<LiveState, "currentItemId" | "items">): AgendaProgress {
  const item = state.items.find((i) => i.id === state.currentItemId);
  if (item) return { kind: "current", item };
  return state.items.some((i) => i.actualEndedAt) ? { kind: "done" } : { kind: "notStarted" };
}

/** The participants' banner line about the agenda: an i18n key and its values. */
export function bannerItemLine(state: Pick<LiveState, "currentItemId" | "items">): [key: string, vars?: Record<string, string>] {
  const p = agendaProgress(state);
  if (p.kind === "current") return ["live.banner.item", { title: p.item.title }];
  return p.kind === "done" ? ["live.banner.done"] : ["live.banner.noItem"];
}
