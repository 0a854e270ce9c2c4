// The voucher deadlines as the reminder registry reads them from the database: an unredeemed
// voucher a week from expiry, a competency lapsing while a voucher needing it is reserved, the
// enrolment's anniversary, all to admins with the fix one click away and words in each language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../../../src/platform/i18n/locale";
import { translator } from "../../../../src/platform/i18n/translator";
import { ensureOrganisation, type Organisation } from "../../../../src/platform/store/organisations";
import { VOUCHER_DEADLINES } from "../../../../src/workflows/planning-vouchers/deadlines/vouchers";
import { takeVoucherStep } from "../../../../src/workflows/planning-vouchers/store/voucher-steps";
import { createTestDatabase, type TestDatabase } from "../../../support/database";
import { seedNow, seedStanding, seedVoucher, voucherRow } from "../support/seed";

let database: TestDatabase;
let organisation: Organisation;
const settings = {} as never;

async function due(now: Date) {
  return (await Promise.all(VOUCHER_DEADLINES.map((source) => source.due(database.db, organisation, now, settings)))).flat();
}

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await ensureOrganisation(database.db, "tenant-deadlines", { timeZone: "Europe/Paris" });
  await seedStanding(database.db, organisation.id, { competencyValidThrough: "2026-12-20" });
  await seedVoucher(database.db, organisation.id, voucherRow(9001, { expiresOn: "2026-12-08" }));
  const reserved = await seedVoucher(database.db, organisation.id, voucherRow(9002));
  await takeVoucherStep(
    database.db,
    { organisationId: organisation.id, voucherId: reserved.id, actor: { userId: "a", name: "Ana", role: "admin" }, timeZone: "Europe/Paris", now: seedNow },
    { step: "reserve", command: { administratorEmail: "sa.admin@contoso.example", termsAccepted: true } },
  );
});

afterAll(async () => database?.destroy());

describe("voucher deadlines in the reminder registry", () => {
  it("reminds admins of a voucher a week from expiry, with the voucher one click away", async () => {
    const items = await due(seedNow);
    const expiring = items.find((item) => item.kind === "voucher.expiring" && item.facts.subject === "VCH-9001");
    expect(expiring).toMatchObject({ threshold: "7d", recipients: { roles: ["admin"] }, fix: { verb: "voucher.open" } });
    expect(items.find((item) => item.kind === "voucher.expiring" && item.facts.subject === "VCH-9002")).toBeUndefined();
  });

  it("flags the competency that lapses while a voucher needing it is reserved", async () => {
    const lapsing = (await due(seedNow)).find((item) => item.kind === "voucher.qualification");
    expect(lapsing).toMatchObject({ threshold: "30d", facts: { subject: "VCH-9002", what: "competency_lapsing" } });
  });

  it("reminds of the enrolment 60 days before its anniversary, and once it has lapsed", async () => {
    expect((await due(seedNow)).find((item) => item.kind === "voucher.enrolment")).toBeUndefined();
    expect((await due(new Date("2026-12-30T09:00:00Z"))).find((item) => item.kind === "voucher.enrolment")).toMatchObject({ threshold: "60d" });
    expect((await due(new Date("2027-03-01T09:00:00Z"))).find((item) => item.kind === "voucher.enrolment")).toMatchObject({ threshold: "due" });
  });

  it("words every reminder in each language", async () => {
    const items = [...(await due(seedNow)), ...(await due(new Date("2027-03-01T09:00:00Z")))];
    for (const locale of LOCALES) {
      const t = translator(locale, "Europe/Paris");
      for (const item of items) {
        expect(t.t(`reminders.item.${item.kind}`, { ...item.facts, ...item.dates })).toContain(String(item.facts.subject ?? item.facts.offering));
        expect(t.t(`conversation.deadlines.${item.kind}`, { ...item.facts, at: "x", past: "no" })).not.toBe("");
      }
    }
  });
});
