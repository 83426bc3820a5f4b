import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ProvisioningApplyButton } from "@/components/admin/provisioning-forms";
import { Pagination } from "@/components/ui/pagination";
import { ScrollTable } from "@/components/ui/scroll-table";
import { NotFoundError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { isUuid } from "@/lib/ids";
import { pageNumber } from "@/lib/input";
import { LIST_KINDS, type ListKind } from "@/lib/provisioning/plan";
import { ERROR_PAGE_SIZE, PLAN_PAGE_SIZE, getRun, runErrors, runList } from "@/lib/provisioning/runs";
import { formatDateTime } from "@/lib/time";
import { requireAdmin } from "../../guard";
import { applyProvisioningAction } from "../actions";

export const metadata: Metadata = { title: "Pratinjau Impor" };

type Search = { list?: string; page?: string; errorsPage?: string };

export default async function ProvisioningRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  await connection();
  const user = await requireAdmin();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const search = await searchParams;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const run = await getRun(user, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const kind: ListKind = LIST_KINDS.includes(search.list as ListKind) ? (search.list as ListKind) : run.counts.created > 0 || run.counts.unitCreated === 0 ? "created" : "unitCreated";
  const page = pageNumber(search.page);
  const errorsPage = pageNumber(search.errorsPage);
  const [errors, items] = await Promise.all([run.errorCount ? runErrors(user, id, errorsPage) : [], run.errorCount ? [] : runList(user, id, kind, page)]);
  const base = `/admin/provisioning/${id}`;
  const fieldText = (fields: Record<string, [unknown, unknown]>) =>
    Object.entries(fields)
      .map(([k, [a, b]]) => `${t(`provisioning.fields.${k}`)}: ${a ?? "—"} → ${b ?? "—"}`)
      .join("; ");
  return (
    <>
      <div className="page-head">
        <h1>{t("provisioning.run", { file: run.fileName })}</h1>
        <Link href="/admin/provisioning">{t("provisioning.back")}</Link>
      </div>
      <p className="muted">
        {t("provisioning.uploadedBy", { when: formatDateTime(run.createdAt, user.timeZone, locale), who: run.createdByName ?? "-" })} ·{" "}
        {t("provisioning.rows", { people: run.peopleRows, units: run.unitRows })}
        {run.fullExport ? ` · ${t("provisioning.fullExportOn")}` : ""}
      </p>
      <p>
        <strong>
          {run.status === "applied" && run.appliedAt ? t("provisioning.status.applied", { when: formatDateTime(run.appliedAt, user.timeZone, locale) }) : t("provisioning.status.dry_run")}
        </strong>
      </p>
      <ScrollTable label={t("provisioning.change")}>
        <table>
          <tbody>
            {LIST_KINDS.map((k) => (
              <tr key={k}>
                <th scope="row">{run.errorCount ? t(`provisioning.counts.${k}`) : <Link href={`${base}?list=${k}`}>{t(`provisioning.counts.${k}`)}</Link>}</th>
                <td data-count={k}>{run.counts[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>

      {run.errorCount ? (
        <section aria-labelledby="errors-title">
          <div className="alert alert-error" role="alert" id="errors-title">
            {t("provisioning.errorsTitle", { count: run.errorCount })}
          </div>
          <ul className="link-list">
            {errors.map((e, i) => (
              <li key={`${e.file}-${e.line}-${e.column}-${i}`}>
                <strong>{t("provisioning.errorAt", { file: t(`provisioning.files.${e.file}`), line: e.line, column: e.column })}</strong>: {t(e.message, e.params ?? {})}
              </li>
            ))}
          </ul>
          <Pagination page={errorsPage} hasNext={errorsPage * ERROR_PAGE_SIZE < run.errorCount} basePath={base} params={{}} />
        </section>
      ) : (
        <section aria-labelledby="list-title">
          {run.status === "dry_run" ? <ProvisioningApplyButton action={applyProvisioningAction.bind(null, id)} /> : null}
          <h2 id="list-title">
            {t("provisioning.list")}: {t(`provisioning.counts.${kind}`)} ({run.counts[kind]})
          </h2>
          {items.length === 0 ? (
            <p className="muted">{t("provisioning.empty")}</p>
          ) : (
            <ScrollTable label={t(`provisioning.counts.${kind}`)}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("provisioning.line")}</th>
                    <th scope="col">{kind.startsWith("unit") ? t("provisioning.code") : t("provisioning.nip")}</th>
                    <th scope="col">{t("provisioning.name")}</th>
                    <th scope="col">{kind.startsWith("unit") ? t("provisioning.fields.parent") : t("provisioning.unit")}</th>
                    <th scope="col">{t("provisioning.change")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item, i) => (
                    <tr key={`${item.line ?? item.nip}-${i}`}>
                      <td>{item.line ?? "—"}</td>
                      <td>{item.nip ?? item.code}</td>
                      <td>
                        {item.name}
                        {item.email ? <div className="muted">{item.email}</div> : null}
                      </td>
                      <td>{item.unitCode ?? "—"}</td>
                      <td>{fieldText(item.fields) || (item.role ? t(`roles.${item.role}`) : "—")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <Pagination page={page} hasNext={page * PLAN_PAGE_SIZE < run.counts[kind]} basePath={base} params={{ list: kind }} />
        </section>
      )}
    </>
  );
}
