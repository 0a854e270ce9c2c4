// The demo organisation's renewals: six line items of two customers, ending 20, 75 and 150 days
// after the seeding, and the same items again, unchanged, when the demo is seeded later.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../../src/platform/import/demo/seed-demo";
import { createTestDatabase, type TestDatabase } from "../../../support/database";
import { TABLES } from "../../../support/tables";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

describe("the renewals of the demo", () => {
  it("seeds two customers' line items due in 20, 75 and 150 days, and changes nothing when seeded again a day later", async () => {
    const first = await seedDemo(database.db, TABLES, new Date("2026-11-25T12:00:00Z"));
    expect(first.summary.sections.renewalLineItems).toMatchObject({ created: 6 });
    const rows = await database.db.renewalLineItem.findMany({
      where: { organisationId: first.summary.organisation.id },
      orderBy: [{ customerName: "asc" }, { endDate: "asc" }],
    });
    expect(rows.map((row) => [row.customerName, row.endDate, row.state])).toEqual([
      ["Contoso Ltd", "2026-12-15", "open"],
      ["Contoso Ltd", "2027-02-08", "quoted"],
      ["Contoso Ltd", "2027-04-24", "open"],
      ["PT Fabrikam Indonesia", "2026-12-15", "open"],
      ["PT Fabrikam Indonesia", "2027-02-08", "open"],
      ["PT Fabrikam Indonesia", "2027-04-24", "open"],
    ]);
    const again = await seedDemo(database.db, TABLES, new Date("2026-11-26T12:00:00Z"));
    expect(again.summary.sections.renewalLineItems).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
  });
});
