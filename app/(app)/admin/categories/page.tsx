import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CategoryForm } from "@/components/follow-ups/category-form";
import "@/components/follow-ups/follow-ups.css";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { listCategories } from "@/lib/follow-ups/categories";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { saveCategoryAction } from "../../follow-ups/actions";

export const metadata: Metadata = { title: "Kategori" };

/** The follow-up categories (the nine UU 25/2009 obligations by default), edited by admins. */
export default async function CategoriesPage() {
  await connection();
  const user = await requireUser();
  if (!can(user, "categories.manage")) notFound();
  const [t, categories] = await Promise.all([getT(), listCategories()]);
  const nextOrder = Math.max(0, ...categories.map((c) => c.sortOrder)) + 1;
  return (
    <>
      <h1>{t("followUps.categories.title")}</h1>
      <ul className="fu-forms" aria-label={t("followUps.categories.title")}>
        {categories.map((c) => (
          <li key={c.id}>
            <details>
              <summary>
                {c.sortOrder}. {c.nameId} <span className="muted">/ {c.nameEn}</span> {c.active ? null : <Badge>{t("common.inactive")}</Badge>}
              </summary>
              <CategoryForm
                initial={{ code: c.code, nameId: c.nameId, nameEn: c.nameEn, sortOrder: c.sortOrder, active: c.active }}
                action={saveCategoryAction.bind(null, c.id, c.version)}
                submitLabel={t("actions.save")}
              />
            </details>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="new-category">
        <h2 id="new-category">{t("followUps.categories.new")}</h2>
        <CategoryForm initial={{ code: "", nameId: "", nameEn: "", sortOrder: nextOrder, active: true }} action={saveCategoryAction.bind(null, null, 0)} submitLabel={t("actions.create")} />
      </section>
    </>
  );
}
