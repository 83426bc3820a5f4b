import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

/** Admin pages answer 404 to everyone else (they do not reveal that the page exists). */
export async function requireAdmin() {
  const user = await requireUser();
  if (!can(user, "admin.manage")) notFound();
  return user;
}
