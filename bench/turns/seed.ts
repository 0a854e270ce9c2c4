// The organisations bench:turns measures: a tenant with `size` engagements (a share of them
// pending, the rest approved and billable), `users` admins who have each talked to the bot
// in a personal chat (as after a day of use, so a turn writes nothing it need not write).
import type { Db } from "../../src/platform/store/db";
import { ensureOrganisation, ensureUser } from "../../src/platform/store/organisations";

export interface SeededOrganisation {
  tenantId: string;
  organisationId: string;
  size: number;
  /** Pending engagement ids, newest first: each approve takes one. */
  pendingIds: string[];
  approvedIds: string[];
  references: string[];
  users: { aadObjectId: string; teamsUserId: string; name: string }[];
}

const CHUNK = 500;

export async function seedOrganisation(db: Db, tenantId: string, size: number, users: number): Promise<SeededOrganisation> {
  const organisation = await ensureOrganisation(db, tenantId, { name: `Partner ${size}`, timeZone: "Europe/Paris" });
  const seeded: SeededOrganisation = { tenantId, organisationId: organisation.id, size, pendingIds: [], approvedIds: [], references: [], users: [] };
  for (let index = 0; index < users; index += 1) {
    const user = { aadObjectId: `${tenantId}-aad-${index}`, teamsUserId: `29:${tenantId}-${index}`, name: `Admin ${index}` };
    await ensureUser(db, { organisationId: organisation.id, ...user, locale: "en-US", role: "admin" });
    seeded.users.push(user);
  }
  for (let start = 0; start < size; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, size - start) }, (_, offset) => {
      const n = start + offset;
      // Two thirds pending, spread over the whole list, so approvals never run out in a short run.
      const pending = n % 3 !== 0;
      return {
        id: `${tenantId}-e${n}`,
        organisationId: organisation.id,
        externalId: `${tenantId}-x${n}`,
        reference: `ENG-${100_000 + n}`,
        title: `Managed backup ${n}`,
        clientName: `Client ${n % 97}`,
        productName: "Backup",
        requestedBy: "vendor portal",
        requestedAt: new Date(Date.UTC(2026, 5, 1) + n * 60_000),
        state: pending ? ("pending" as const) : ("approved" as const),
        version: pending ? 1 : 2,
        ...(pending ? {} : { decidedAt: new Date(Date.UTC(2026, 7, 1)), decidedById: "seed", decidedByName: "Seed" }),
      };
    });
    await db.engagement.createMany({ data: rows });
    await db.auditEntry.createMany({
      data: rows.flatMap((row) => [
        {
          organisationId: organisation.id,
          recordKind: "engagement",
          recordId: row.id,
          recordVersion: 1,
          at: row.requestedAt,
          action: "created",
          actorName: "vendor portal",
        },
        ...(row.state === "approved"
          ? [
              {
                organisationId: organisation.id,
                recordKind: "engagement",
                recordId: row.id,
                recordVersion: 2,
                at: new Date(Date.UTC(2026, 7, 1)),
                action: "approved",
                actorId: "seed",
                actorName: "Seed",
              },
            ]
          : []),
      ]),
    });
    for (const row of rows) {
      (row.state === "pending" ? seeded.pendingIds : seeded.approvedIds).push(row.id);
      seeded.references.push(row.reference);
    }
  }
  seeded.pendingIds.reverse();
  return seeded;
}
