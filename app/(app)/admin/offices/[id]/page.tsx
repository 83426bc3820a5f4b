import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { OfficeSettingsForm } from "@/components/admin/office-settings-form";
import { RoomForm } from "@/components/admin/room-form";
import { Badge } from "@/components/ui/badge";
import { requireAdmin } from "@/app/(app)/admin/guard";
import { getT } from "@/lib/i18n/server";
import { listOffices } from "@/lib/offices/office";
import { listRoomsForAdmin } from "@/lib/offices/rooms";
import { getOfficeSettings, signerOptions } from "@/lib/offices/settings";
import { sequenceState } from "@/lib/documents/letters";
import { saveCertificateAction, saveOfficeSettingsAction, saveRoomAction } from "../actions";
import { CertificateForm } from "@/components/admin/certificate-form";
import { certificateInfo } from "@/lib/documents/signing";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Kantor & Ruang" };

/** One office: its letterhead and letter conventions, and its meeting rooms. */
export default async function OfficePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireAdmin();
  const { id } = await params;
  const office = (await listOffices()).find((o) => o.id === id);
  if (!office) notFound();
  const [t, settings, signers, allRooms, sequence] = await Promise.all([getT(), getOfficeSettings(id), signerOptions(id), listRoomsForAdmin(user), sequenceState(id, office.timeZone)]);
  const certificate = await certificateInfo(id);
  const rooms = allRooms.filter((r) => r.room.officeUnitId === id).map((r) => r.room);
  return (
    <>
      <p>
        <Link href="/admin/offices">← {t("offices.title")}</Link>
      </p>
      <h1>{office.name}</h1>
      <section className="card" aria-labelledby="letterhead-h">
        <h2 id="letterhead-h" style={{ marginTop: 0 }}>
          {t("offices.settings.title")}
        </h2>
        <OfficeSettingsForm
          initial={{
            ministryLine: settings?.ministryLine ?? "",
            officeName: settings?.officeName ?? office.name,
            address: settings?.address ?? "",
            phone: settings?.phone ?? "",
            email: settings?.email ?? "",
            website: settings?.website ?? "",
            placeName: settings?.placeName ?? "",
            defaultSignerUserId: settings?.defaultSignerUserId ?? "",
            letterNumberFormat: settings?.letterNumberFormat ?? "",
            letterNumberNext: sequence?.next ?? 1,
            defaultCopies: (settings?.defaultCopies ?? []).join("\n"),
            showDivisionLine: settings?.showDivisionLine ?? false,
          }}
          signers={signers}
          logoUrl={settings?.hasLogo ? `/admin/offices/${id}/logo?v=${settings.version}` : null}
          action={saveOfficeSettingsAction.bind(null, id, settings?.version ?? 0)}
        />
      </section>
      <section className="card" aria-labelledby="certificate-h">
        <h2 id="certificate-h" style={{ marginTop: 0 }}>
          {t("offices.settings.certificateTitle")}
        </h2>
        <p>
          {certificate
            ? t("offices.settings.certificateCurrent", { subject: certificate.subject, date: formatDate(certificate.validTo, office.timeZone) })
            : t("offices.settings.certificateNone")}
        </p>
        <CertificateForm action={saveCertificateAction.bind(null, id)} />
      </section>
      <section aria-labelledby="rooms-h">
        <h2 id="rooms-h">{t("offices.rooms.title")}</h2>
        {rooms.length === 0 ? <p className="muted">{t("offices.rooms.empty")}</p> : null}
        <ul className="fu-forms room-list">
          {rooms.map((r) => (
            <li key={r.id}>
              <details>
                <summary>
                  <span>
                    {r.name}
                    {r.building ? <span className="muted"> · {r.building}</span> : null}
                    {r.capacity ? <span className="muted"> · {t("offices.rooms.capacityValue", { n: r.capacity })}</span> : null}
                  </span>{" "}
                  {r.active ? null : <Badge>{t("common.inactive")}</Badge>}
                </summary>
                <RoomForm
                  initial={{ officeUnitId: id, name: r.name, building: r.building, capacity: r.capacity === null ? "" : String(r.capacity), active: r.active }}
                  action={saveRoomAction.bind(null, id, r.id, r.version)}
                  submitLabel={t("actions.save")}
                />
              </details>
            </li>
          ))}
        </ul>
        <section className="card" aria-labelledby="new-room-h">
          <h3 id="new-room-h" style={{ marginTop: 0 }}>
            {t("offices.rooms.new")}
          </h3>
          <RoomForm initial={{ officeUnitId: id, name: "", building: "", capacity: "", active: true }} action={saveRoomAction.bind(null, id, null, 0)} submitLabel={t("actions.create")} />
        </section>
      </section>
    </>
  );
}
