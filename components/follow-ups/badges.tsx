import { Badge } from "@/components/ui/badge";
import type { ACTION_ITEM_STATUSES } from "@/lib/enums";
import type { Translate } from "@/lib/i18n/translate";

type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

const STATUS_TONE: Record<ActionItemStatus, "danger" | "warning" | "success" | "info" | undefined> = {
  open: undefined,
  in_progress: "info",
  reported: "warning",
  verified: "success",
  cancelled: undefined,
};

export function StatusBadge({ status, t }: { status: ActionItemStatus; t: Translate }) {
  return <Badge tone={STATUS_TONE[status]}>{t(`followUps.status.${status}`)}</Badge>;
}

/** "Overdue" / "due soon" badges (text, not only colour). */
export function DueBadges({ overdue, dueSoon, t }: { overdue: boolean; dueSoon: boolean; t: Translate }) {
  return (
    <>
      {overdue ? <Badge tone="danger">{t("followUps.badges.overdue")}</Badge> : null}
      {dueSoon ? <Badge tone="warning">{t("followUps.badges.dueSoon")}</Badge> : null}
    </>
  );
}
