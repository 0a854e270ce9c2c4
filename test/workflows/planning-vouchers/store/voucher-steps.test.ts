// Voucher steps on a real database: twenty concurrent Reserve clicks on two instances make one
// reservation, every step is saved with its facts and its history, the vendor hears of the
// steps it asks for in the same transaction, and another organisation's voucher is not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureOrganisation } from "../../../../src/platform/store/organisations";
import type { VoucherActor } from "../../../../src/workflows/planning-vouchers/domain/permissions";
import { confirmVoucherPayment, takeVoucherStep } from "../../../../src/workflows/planning-vouchers/store/voucher-steps";
import { findVoucher, listVoucherHistory } from "../../../../src/workflows/planning-vouchers/store/vouchers";
import { createTwoInstanceDatabase, type TwoInstanceDatabase } from "../../../support/database";
import { seedNow, seedStanding, seedVoucher, voucherRow } from "../support/seed";

let database: TwoInstanceDatabase;
let organisationId: string;
let otherOrganisationId: string;
const timeZone = "Europe/Paris";
const admin = (i: number): VoucherActor => ({ userId: `aad-admin-${i}`, name: `Admin ${i}`, role: "admin" });
const reserve = { step: "reserve" as const, command: { administratorEmail: "sa.admin@contoso.example", termsAccepted: true } };
const input = (voucherId: string, i = 1, org = organisationId) => ({ organisationId: org, voucherId, actor: admin(i), timeZone, now: seedNow });

beforeAll(async () => {
  database = await createTwoInstanceDatabase();
  organisationId = (await ensureOrganisation(database.database.db, "tenant-vouchers", { timeZone })).id;
  otherOrganisationId = (await ensureOrganisation(database.database.db, "tenant-elsewhere", { timeZone })).id;
  await seedStanding(database.database.db, organisationId);
});

afterAll(async () => database?.destroy());

describe("taking voucher steps on the database", () => {
  it("makes one reservation of 20 concurrent Reserve clicks on two instances, with one history entry and one event", async () => {
    const voucher = await seedVoucher(database.database.db, organisationId, voucherRow(7001));
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => takeVoucherStep(database.clients[i % 2]!, input(voucher.id, i), reserve)));
    expect(outcomes.filter((outcome) => outcome.outcome === "decided")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === "refused" && outcome.refusal.code === "step_already_done")).toHaveLength(19);
    const history = await listVoucherHistory(database.database.db, voucher);
    expect(history.map((entry) => entry.action)).toEqual(["imported", "reserved"]);
    const stored = await findVoucher(database.database.db, organisationId, voucher.id);
    expect(stored).toMatchObject({ state: "reserved", version: 1, reservation: { qualifyingCompetency: "Windows and Devices" } });
    const events = await database.database.db.organisationEvent.findMany({ where: { organisationId, type: "voucher.reserved" } });
    expect(events.filter((event) => event.payload.includes("DDPS-7001-AB"))).toHaveLength(1);
  });

  it("walks a voucher from reserved to paid, each step's facts saved and recorded, and applies a payment sent twice once", async () => {
    const voucher = await seedVoucher(database.database.db, organisationId, voucherRow(7002));
    const db = database.database.db;
    const steps = [
      reserve,
      {
        step: "schedule" as const,
        command: {
          startOn: "2026-12-14",
          endOn: "2026-12-18",
          consultantId: (await db.planningConsultant.findFirstOrThrow({ where: { organisationId, name: "Rina" } })).id,
        },
      },
      {
        step: "file_completion_report" as const,
        command: {
          deliveredOn: "2026-12-18",
          deliverables: ["Planning Services Completion Report"],
          acceptedByName: "Marie Dupont",
          acceptedByEmail: "marie@contoso.example",
        },
      },
      { step: "redeem" as const },
      { step: "invoice" as const, command: { number: "INV-7002", amount: "6250.00", currency: "EUR" } },
    ];
    let now = seedNow;
    for (const step of steps) {
      if (step.step === "file_completion_report") now = new Date("2026-12-19T09:00:00Z");
      const outcome = await takeVoucherStep(db, { ...input(voucher.id), now }, step);
      expect(outcome.outcome, `${step.step} ${JSON.stringify(outcome)}`).toBe("decided");
    }
    const confirmation = { vendorVoucherId: "ddps 7002 ab", reference: "PAY-88", paidOn: "2026-12-20" };
    const paid = await confirmVoucherPayment(db, organisationId, confirmation, timeZone, new Date("2026-12-21T09:00:00Z"));
    expect(paid.outcome).toBe("decided");
    const again = await confirmVoucherPayment(db, organisationId, confirmation, timeZone, new Date("2026-12-22T09:00:00Z"));
    expect(again.outcome).toBe("unchanged");
    const stored = await findVoucher(db, organisationId, voucher.id);
    expect(stored).toMatchObject({
      state: "paid",
      version: 6,
      schedule: { startOn: "2026-12-14", consultantName: "Rina", qualifyingExam: "Windows Client" },
      completion: { deliverables: ["Planning Services Completion Report"], acceptedByName: "Marie Dupont" },
      invoice: { number: "INV-7002", amount: "6250", currency: "EUR" },
      payment: { reference: "PAY-88", paidOn: "2026-12-20" },
    });
    const history = await listVoucherHistory(db, voucher);
    expect(history.map((entry) => entry.action)).toEqual([
      "imported",
      "reserved",
      "scheduled",
      "completion_report_filed",
      "redeemed",
      "invoiced",
      "payment_confirmed",
    ]);
    expect(history[4]).toMatchObject({ actorName: "Admin 1", actorId: "aad-admin-1" });
    expect(history[5]?.after).toMatchObject({ number: "INV-7002", amount: "6250", currency: "EUR" });
    const types = (await db.organisationEvent.findMany({ where: { organisationId, payload: { contains: "DDPS-7002-AB" } }, orderBy: { position: "asc" } })).map(
      (e) => e.type,
    );
    expect(types).toEqual(["voucher.reserved", "voucher.completion_report_filed", "voucher.redeemed", "voucher.invoiced"]);
  });

  it("cancels a reservation back to assigned with the reason, and tells the vendor", async () => {
    const voucher = await seedVoucher(database.database.db, organisationId, voucherRow(7003));
    await takeVoucherStep(database.database.db, input(voucher.id), reserve);
    const cancelled = await takeVoucherStep(database.database.db, input(voucher.id), {
      step: "cancel_reservation",
      command: { reason: "engagement_not_happening" },
    });
    expect(cancelled).toMatchObject({ outcome: "decided", record: { state: "assigned", version: 2 } });
    expect((await findVoucher(database.database.db, organisationId, voucher.id))?.reservation).toBeUndefined();
    const history = await listVoucherHistory(database.database.db, voucher);
    expect(history.at(-1)).toMatchObject({ action: "reservation_cancelled", reason: "engagement_not_happening" });
    const events = await database.database.db.organisationEvent.findMany({ where: { organisationId, type: "voucher.reservation_cancelled" } });
    expect(events.some((event) => event.payload.includes("DDPS-7003-AB"))).toBe(true);
  });

  it("refuses a step out of order and writes nothing", async () => {
    const voucher = await seedVoucher(database.database.db, organisationId, voucherRow(7004));
    const outcome = await takeVoucherStep(database.database.db, input(voucher.id), { step: "redeem" });
    expect(outcome).toMatchObject({ outcome: "refused", refusal: { code: "step_out_of_order" } });
    expect((await listVoucherHistory(database.database.db, voucher)).map((entry) => entry.action)).toEqual(["imported"]);
  });

  it("finds no voucher of another organisation", async () => {
    const voucher = await seedVoucher(database.database.db, organisationId, voucherRow(7005));
    const outcome = await takeVoucherStep(database.database.db, input(voucher.id, 1, otherOrganisationId), reserve);
    expect(outcome.outcome).toBe("not_found");
    expect((await findVoucher(database.database.db, organisationId, voucher.id))?.state).toBe("assigned");
  });
});
