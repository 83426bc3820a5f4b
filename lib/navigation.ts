import type { Role } from "@/db/schema";

/** The navigation each role sees (labels are i18n keys). */
export function navigationFor(role: Role): { href: string; label: string }[] {
  switch (role) {
    case "participant":
      return [
        { href: "/agenda", label: "nav.myAgenda" },
        { href: "/meetings", label: "nav.meetings" },
        { href: "/follow-ups", label: "nav.myFollowUps" },
      ];
    case "head":
      return [
        { href: "/dashboard", label: "nav.dashboard" },
        { href: "/meetings", label: "nav.meetings" },
        { href: "/follow-ups", label: "nav.followUps" },
      ];
    case "secretariat":
      return [
        { href: "/meetings", label: "nav.meetings" },
        { href: "/follow-ups", label: "nav.followUps" },
        { href: "/dashboard", label: "nav.dashboard" },
      ];
    case "admin":
      return [
        { href: "/meetings", label: "nav.meetings" },
        { href: "/follow-ups", label: "nav.followUps" },
        { href: "/dashboard", label: "nav.dashboard" },
        { href: "/admin/units", label: "nav.workUnits" },
        { href: "/admin/users", label: "nav.users" },
        { href: "/admin/provisioning", label: "nav.provisioning" },
        { href: "/admin/categories", label: "nav.categories" },
        { href: "/admin/offices", label: "nav.offices" },
        { href: "/admin/outbox", label: "nav.outbox" },
      ];
  }
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  // Participants land on My agenda, heads on the dashboard, the secretariat on the meetings.
  return navigationFor(role)[0]!.href;
}
