import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CreateActionItemForm, FromDecisionForm } from "@/components/follow-ups/create-forms";
import "@/components/follow-ups/follow-ups.css";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { decisionContext, listRecentDecisions } from "@/lib/follow-ups/create-action-item";
import { listFilterOptions } from "@/lib/follow-ups/list-action-items";
import { getLocale, getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { formatDate, todayIn } from "@/lib/time";
import { createActionItemAction, createFromDecisionAction } from "../actions";

export const metadata: Metadata = { title: "Tindak lanjut baru" };

type Search = { decisionId?: string; meetingId?: string };

export default async function NewActionItemPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const user = await requireUser();
  if (!can(user, "actionItem.oversee")) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const sp = await searchParams;
  const options = await listFilterOptions(user);
  const units = options.units.filter((u) => can(user, "actionItem.create", { workUnitId: u.id }));
  const categories = options.categories.filter((c) => c.active).map((c) => ({ id: c.id, name: locale === "en" ? c.nameEn : c.nameId }));
  const minDate = todayIn(user.timeZone);

  if (sp.decisionId) {
    const ctx = await decisionContext(user, sp.decisionId).catch((e) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    });
    return (
      <>
        <p>
          <Link href="/follow-ups/new">← {t("followUps.newTitle")}</Link>
        </p>
        <h1>{t("followUps.fromDecisionTitle")}</h1>
        <p>
          <strong>{ctx.meeting.title}</strong> · {formatDate(ctx.meeting.startsAt, ctx.meeting.timeZone, locale)}
        </p>
        <blockquote className="card fu-desc">
          {ctx.decision.number}. {ctx.decision.text}
        </blockquote>
        <FromDecisionForm
          decisionText={ctx.decision.text}
          units={ctx.invitedUnits}
          categories={categories}
          minDate={minDate}
          action={createFromDecisionAction.bind(null, ctx.decision.id)}
        />
      </>
    );
  }

  const decisions = await listRecentDecisions(user);
  return (
    <>
      <p>
        <Link href="/follow-ups">← {t("followUps.title")}</Link>
      </p>
      <h1>{t("followUps.newTitle")}</h1>
      {decisions.length ? (
        <section className="card" aria-labelledby="decisions-title">
          <h2 id="decisions-title">{t("followUps.fromDecisionTitle")}</h2>
          <ul>
            {decisions.map((d) => (
              <li key={d.id}>
                <Link href={`/follow-ups/new?decisionId=${d.id}`}>
                  {d.meetingTitle} — {d.number}. {d.text.length > 120 ? `${d.text.slice(0, 120)}…` : d.text}
                </Link>{" "}
                <span className="muted">({t("followUps.count", { total: d.items })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t("followUps.new")}</h2>
      <CreateActionItemForm
        units={units}
        categories={categories}
        defaults={{ meetingId: sp.meetingId }}
        minDate={minDate}
        action={createActionItemAction}
      />
    </>
  );
}
