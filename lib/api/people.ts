import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/types";
import { lookupPeople } from "@/lib/people/lookup-people";
import type * as r from "./resources";
import type * as s from "./schemas";

export async function apiPeople(user: CurrentUser, q: z.output<typeof s.peopleQuery>): Promise<z.output<typeof r.PersonPage>> {
  const page = await lookupPeople(user, { nip: q.nip, email: q.email, q: q.q, workUnitId: q.workUnitId, updatedSince: q.updatedSince, cursor: q.cursor, limit: q.limit });
  return {
    items: page.items.map((p) => ({
      id: p.id,
      name: p.name,
      nip: p.nip,
      position: p.position,
      workUnitId: p.workUnitId,
      workUnitName: p.workUnitName,
      updatedAt: new Date(p.updatedAt).toISOString(),
    })),
    total: page.total,
    totalCapped: page.totalCapped,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}
