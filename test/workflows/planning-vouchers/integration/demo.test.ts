// The demo organisation's vouchers: one assigned to validate, one reserved expiring in 20 days,
// one delivered and not redeemed, a competency about to lapse and two consultants (one
// eligible). Seeding twice changes nothing the second time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformTables } from "../../../../src/app";
import { DEMO_ORGANISATION, seedDemo } from "../../../../src/platform/import/demo/seed-demo";
import { findOrganisationByTenant } from "../../../../src/platform/store/organisations";
import { today } from "../../../../src/workflows/planning-vouchers/domain/calendar-days";
import { daysUntilExpiry } from "../../../../src/workflows/planning-vouchers/domain/urgency";
import { loadStanding } from "../../../../src/workflows/planning-vouchers/store/standing";
import { findVoucherByTypedId } from "../../../../src/workflows/planning-vouchers/store/vouchers";
import { createTestDatabase, type TestDatabase } from "../../../support/database";

let database: TestDatabase;
const now = new Date("2026-12-01T09:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => database?.destroy());

describe("the demo's planning vouchers", () => {
  it("seeds the vouchers in the states the issue describes, and a second seeding changes nothing", async () => {
    await seedDemo(database.db, platformTables(), now);
    const organisation = await findOrganisationByTenant(database.db, DEMO_ORGANISATION.tenantId);
    if (!organisation) throw new Error("no demo organisation");
    const find = (reference: string) => findVoucherByTypedId(database.db, organisation.id, reference);
    expect((await find("VCH-7781"))?.state).toBe("assigned");
    const reserved = await find("VCH-7782");
    expect(reserved?.state).toBe("reserved");
    expect(reserved && daysUntilExpiry(reserved, organisation.timeZone, now)).toBe(20);
    expect((await find("VCH-7783"))?.state).toBe("delivered");
    const standing = await loadStanding(database.db, organisation.id);
    expect(
      standing.competencies.some((competency) => competency.validThrough < "2027-01-01" && competency.validThrough >= today(organisation.timeZone, now)),
    ).toBe(true);
    expect(await database.db.planningConsultant.count({ where: { organisationId: organisation.id } })).toBe(2);
    const again = await seedDemo(database.db, platformTables(), now);
    expect(JSON.stringify(again)).toContain("voucher steps");
    expect((await find("VCH-7783"))?.version).toBe(3);
  });
});
