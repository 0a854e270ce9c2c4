// The pending list reads a page at a time along its index, oldest request first, with a
// keyset cursor, and counts only up to a cap: the same work for any organisation size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIST_COUNT_CAP, listEngagements, type EngagementCursor } from "../../../../src/workflows/engagements/store/engagements";
import { ensureOrganisation } from "../../../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../../../support/database";

let database: TestDatabase;
let small: string;
let large: string;

async function seed(organisationId: string, count: number, state: "pending" | "approved" = "pending"): Promise<void> {
  await database.db.engagement.createMany({
    data: Array.from({ length: count }, (_, n) => ({
      id: `${organisationId}-${state}-${n}`,
      organisationId,
      externalId: `${state}-${n}`,
      reference: `ENG-${state === "pending" ? 5000 + n : 9000 + n}`,
      title: "Managed backup",
      clientName: "Contoso",
      productName: "Backup",
      // Three requests share each instant: the reference breaks the tie, page after page.
      requestedAt: new Date(Date.UTC(2026, 9, 1) + Math.floor(n / 3) * 60_000),
      state,
    })),
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  small = (await ensureOrganisation(database.db, "tenant-list-small", { timeZone: "UTC" })).id;
  large = (await ensureOrganisation(database.db, "tenant-list-large", { timeZone: "UTC" })).id;
  await seed(small, 25);
  await seed(small, 5, "approved");
  await seed(large, LIST_COUNT_CAP + 5);
});

afterAll(async () => database?.destroy());

describe("the pending list", () => {
  it("pages through every pending request once, oldest first, ties in reference order", async () => {
    const seen: string[] = [];
    let after: EngagementCursor | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await listEngagements(database.db, small, { states: ["pending"], limit: 10, ...(after ? { after } : {}) });
      seen.push(...result.items.map((e) => e.reference));
      expect(result).toMatchObject({ total: 25, totalCapped: false });
      after = result.next;
      if (!after) break;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, n) => `ENG-${5000 + n}`));
  });

  it("says there are more than it counts past the cap, and still serves the first page", async () => {
    const result = await listEngagements(database.db, large, { states: ["pending"], limit: 10 });
    expect(result).toMatchObject({ total: LIST_COUNT_CAP, totalCapped: true });
    expect(result.items.map((e) => e.reference)).toEqual(Array.from({ length: 10 }, (_, n) => `ENG-${5000 + n}`));
    expect(result.next).toEqual({ requestedAt: result.items.at(-1)?.requestedAt, reference: "ENG-5009" });
  });
});
