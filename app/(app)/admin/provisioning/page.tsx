import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ProvisioningUploadForm } from "@/components/admin/provisioning-forms";
import { getLocale, getT } from "@/lib/i18n/server";
import { listRuns } from "@/lib/provisioning/runs";
import { formatDateTime } from "@/lib/time";
import { requireAdmin } from "../guard";
import { previewProvisioningAction } from "./actions";

export const metadata: Metadata = { title: "Impor Data Pegawai" };

export default async function ProvisioningPage() {
  await connection();
  const user = await requireAdmin();
  const [t, locale, runs] = await Promise.all([getT(), getLocale(), listRuns(user)]);
  return (
    <>
      <div className="page-head">
        <h1>{t("provisioning.title")}</h1>
      </div>
      <p className="muted">{t("provisioning.intro")}</p>
      <div className="card">
        <ProvisioningUploadForm action={previewProvisioningAction} />
      </div>
      <h2>{t("provisioning.recent")}</h2>
      {runs.length === 0 ? (
        <p className="muted">{t("provisioning.noRuns")}</p>
      ) : (
        <ul className="link-list">
          {runs.map((r) => (
            <li key={r.id}>
              <Link href={`/admin/provisioning/${r.id}`}>{r.fileName || r.id}</Link>{" "}
              <span className="muted">
                · {formatDateTime(r.createdAt, user.timeZone, locale)} · {r.createdByName ?? "-"} ·{" "}
                {r.status === "applied" && r.appliedAt ? t("provisioning.status.applied", { when: formatDateTime(r.appliedAt, user.timeZone, locale) }) : t("provisioning.status.dry_run")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
