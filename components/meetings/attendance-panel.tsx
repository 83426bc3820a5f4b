"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useT } from "@/components/i18n-provider";
import type { ActionState } from "@/lib/action-result";

// The form's code (and its people search) loads only when the secretariat opens the panel.
const AttendanceForm = dynamic(() => import("./attendance-form").then((m) => m.AttendanceForm), {
  ssr: false,
  loading: () => <LoadingForm />,
});

function LoadingForm() {
  const t = useT();
  return <p className="muted">{t("common.loading")}</p>;
}

/** "Record attendance" on the meeting page: a disclosure whose form is loaded when opened. */
export function AttendancePanel({
  meetingId,
  units,
  summary,
  action,
}: {
  meetingId: string;
  units: { id: string; label: string }[];
  summary: string;
  action: (values: unknown) => Promise<ActionState>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="card no-print" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? <AttendanceForm meetingId={meetingId} units={units} action={action} /> : null}
    </details>
  );
}
