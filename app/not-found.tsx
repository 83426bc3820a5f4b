import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <main>
      <div className="card">
        <h1>{t("notFound.title")}</h1>
        <p>{t("notFound.body")}</p>
        <Link href="/">{t("notFound.home")}</Link>
      </div>
    </main>
  );
}
