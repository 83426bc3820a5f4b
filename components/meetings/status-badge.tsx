import { Badge } from "@/components/ui/badge";
import type { MEETING_STATUSES } from "@/lib/enums";

type MeetingStatus = (typeof MEETING_STATUSES)[number];

const TONE: Record<MeetingStatus, "info" | "warning" | "success" | "danger" | undefined> = {
  draft: undefined,
  scheduled: "info",
  ongoing: "warning",
  completed: "success",
  cancelled: "danger",
};

export function StatusBadge({ status, label }: { status: MeetingStatus; label: string }) {
  return <Badge tone={TONE[status]}>{label}</Badge>;
}
