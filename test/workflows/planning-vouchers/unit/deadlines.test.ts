// What is due when, on the organisation's calendar: expiry reminders 30, 14, 7 and 1 days before,
// the waits after delivery, redemption and invoice, the yearly enrolment, and a competency or
// exam lapsing while a voucher needing it is reserved. The open list puts expiring ones first.
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, endOfDay, isCalendarDate, today } from "../../../../src/workflows/planning-vouchers/domain/calendar-days";
import { dueReminder, enrolmentDeadline, qualificationDeadlines, voucherDeadlines } from "../../../../src/workflows/planning-vouchers/domain/deadlines";
import { daysUntilExpiry, isLost, openVouchersByUrgency, vouchersExpiringWithin } from "../../../../src/workflows/planning-vouchers/domain/urgency";
import { assigned, at, consultants, eligibleConsultant, standing, windowsPlanning, zone } from "./fixtures";
import { stepDays, voucherIn } from "./walk";

describe("calendar days", () => {
  it("knows leap years and month ends", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2027-01-31", -31)).toBe("2026-12-31");
    expect(daysBetween("2028-02-01", "2028-03-01")).toBe(29);
  });

  it("reads today on the organisation's wall clock", () => {
    expect(today("Asia/Jakarta", at("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(today("America/Los_Angeles", at("2027-01-01T07:59:00Z"))).toBe("2026-12-31");
  });

  it("ends a day at the zone's next midnight, whatever daylight saving does that night", () => {
    // Paris moves to summer time in the night of 28 to 29 March 2026.
    expect(endOfDay("2026-03-28", "Europe/Paris").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(endOfDay("2026-03-29", "Europe/Paris").toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});

const expiryOf = (voucher: Parameters<typeof voucherDeadlines>[0], timeZone = zone) =>
  voucherDeadlines(voucher, timeZone).find((deadline) => deadline.kind === "expiring");

describe("a voucher's expiry", () => {
  it("reminds admins 30, 14, 7 and 1 days before the expiry date, at local midnight, with the next step", () => {
    const deadline = expiryOf(assigned);
    expect(deadline).toMatchObject({ kind: "expiring", subject: "VCH-7781", permission: "voucher.manage", nextStep: "reserve" });
    expect(deadline?.dueAt.toISOString()).toBe("2027-01-31T23:00:00.000Z");
    expect(deadline?.reminders.map((reminder) => [reminder.daysBefore, reminder.at.toISOString()])).toEqual([
      [30, "2026-12-31T23:00:00.000Z"],
      [14, "2027-01-16T23:00:00.000Z"],
      [7, "2027-01-23T23:00:00.000Z"],
      [1, "2027-01-29T23:00:00.000Z"],
    ]);
  });

  it("counts across a month end and a leap day: a voucher valid through 1 March 2028 is reminded 1 day before on 29 February", () => {
    const leap = expiryOf({ ...assigned, expiresOn: "2028-03-01" }, "UTC");
    expect(leap?.reminders.at(-1)?.at.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(leap?.reminders[0]?.at.toISOString()).toBe("2028-01-31T00:00:00.000Z");
  });

  it("gives the reminder reached at a moment, and none before the first", () => {
    const deadline = expiryOf(assigned)!;
    expect(dueReminder(deadline, at("2026-12-31T22:59:00Z"))).toBeUndefined();
    expect(dueReminder(deadline, at("2027-01-20T10:00:00Z"))?.daysBefore).toBe(14);
  });

  it.each(["assigned", "reserved", "scheduled", "delivered"] as const)("reminds of expiry while the voucher is %s, not yet redeemed", (state) => {
    expect(expiryOf(voucherIn(state))).toBeDefined();
  });

  it.each(["redeemed", "invoiced", "paid"] as const)("stops reminding of expiry once the voucher is %s", (state) => {
    expect(expiryOf(voucherIn(state))).toBeUndefined();
  });

  it("counts the days left on the organisation's calendar: 0 on the last day, negative after", () => {
    expect(daysUntilExpiry(assigned, zone, at("2027-01-30T23:30:00Z"))).toBe(0);
    expect(daysUntilExpiry(assigned, zone, at("2027-01-31T23:00:00Z"))).toBe(-1);
    expect(isLost(assigned, zone, at("2027-01-31T23:00:00Z"))).toBe(true);
    expect(isLost(voucherIn("redeemed"), zone, at("2027-02-10T00:00:00Z"))).toBe(false);
  });
});

describe("waiting after a step", () => {
  const waiting = (state: "delivered" | "redeemed" | "invoiced") => voucherDeadlines(voucherIn(state), zone).find((deadline) => deadline.kind !== "expiring");

  it("chases a delivered voucher not redeemed 7 days after the report was filed, at local midnight", () => {
    // Filed on 19 December (Paris): due from the start of 26 December there.
    expect(waiting("delivered")).toMatchObject({ kind: "redemption_waiting", nextStep: "redeem", dueAt: at("2026-12-25T23:00:00Z"), facts: { days: 7 } });
  });

  it("chases a redeemed voucher not invoiced after 7 days, and an invoiced one unpaid after 30", () => {
    expect(waiting("redeemed")).toMatchObject({ kind: "invoice_waiting", nextStep: "invoice", dueAt: at("2026-12-27T23:00:00Z") });
    expect(waiting("invoiced")).toMatchObject({ kind: "payment_waiting", nextStep: "confirm_payment", dueAt: at("2027-01-20T23:00:00Z") });
    expect(voucherDeadlines(voucherIn("paid"), zone)).toEqual([]);
  });

  it("counts the wait from the organisation's day of the step: a step at 23:30 UTC in Paris is the next day's", () => {
    const redeemed = voucherIn("redeemed");
    const late = { ...redeemed, redemption: { ...redeemed.redemption!, at: at("2026-12-21T23:30:00Z") } };
    expect(voucherDeadlines(late, zone)[0]?.dueAt).toEqual(at("2026-12-28T23:00:00Z"));
  });
});

describe("the yearly enrolment", () => {
  it("reminds 60, 30 and 7 days before the anniversary, and when it has lapsed", () => {
    const deadline = enrolmentDeadline(standing.enrolments[0]!, zone);
    expect(deadline).toMatchObject({ kind: "enrolment_anniversary", subject: "DDPS", permission: "voucher.manage" });
    expect(deadline.reminders.map((reminder) => [reminder.daysBefore, reminder.at.toISOString()])).toEqual([
      [60, "2026-12-29T23:00:00.000Z"],
      [30, "2027-01-28T23:00:00.000Z"],
      [7, "2027-02-20T23:00:00.000Z"],
      [0, "2027-02-28T23:00:00.000Z"],
    ]);
  });
});

describe("a qualification lapsing while a voucher needing it is reserved", () => {
  const context = { timeZone: zone, engagementTypes: [windowsPlanning], standing, consultants };

  it("warns when the qualifying competency lapses before the voucher can no longer be used", () => {
    const lapsing = { ...standing, competencies: [{ name: "Windows and Devices", level: "gold" as const, validThrough: "2027-01-15" }] };
    const deadlines = qualificationDeadlines(voucherIn("reserved"), { ...context, standing: lapsing });
    expect(deadlines).toMatchObject([
      {
        kind: "competency_lapsing",
        subject: "VCH-7781",
        nextStep: "schedule",
        dueAt: at("2027-01-15T23:00:00Z"),
        facts: { engagementType: "Windows and Office Deployment Planning" },
      },
    ]);
    expect(deadlines[0]?.reminders.map((reminder) => reminder.daysBefore)).toEqual([30, 7, 0]);
  });

  it("warns when the scheduled consultant's exam lapses before the engagement's last day", () => {
    const scheduled = voucherIn("scheduled");
    const lapsing = { ...eligibleConsultant, exams: [{ ...eligibleConsultant.exams[0]!, validThrough: "2026-12-16" }] };
    expect(qualificationDeadlines(scheduled, { ...context, consultants: [lapsing] })).toMatchObject([
      { kind: "exam_lapsing", facts: { consultant: "Rina", exam: "Windows Client", lapsesAfter: at("2026-12-15T23:00:00Z") } },
    ]);
  });

  it("says nothing when the qualifications outlast the voucher, or once it is delivered", () => {
    expect(qualificationDeadlines(voucherIn("scheduled"), context)).toEqual([]);
    expect(qualificationDeadlines(voucherIn("delivered"), { ...context, standing: { ...standing, competencies: [] } })).toEqual([]);
  });
});

describe("open vouchers by urgency", () => {
  it("lists unredeemed vouchers expiring first, then those waiting on invoice or payment, and leaves out paid and lost ones", () => {
    const soon = { ...assigned, id: "v2", reference: "VCH-7782", expiresOn: "2026-12-20" };
    const lost = { ...assigned, id: "v3", reference: "VCH-7783", expiresOn: "2026-11-30" };
    const invoiced = { ...voucherIn("invoiced"), id: "v4", reference: "VCH-7784" };
    const redeemed = { ...voucherIn("redeemed"), id: "v5", reference: "VCH-7785" };
    const paid = { ...voucherIn("paid"), id: "v6", reference: "VCH-7786" };
    const order = openVouchersByUrgency([invoiced, paid, assigned, lost, redeemed, soon], zone, stepDays.reserved).map((voucher) => voucher.reference);
    expect(order).toEqual(["VCH-7782", "VCH-7781", "VCH-7785", "VCH-7784"]);
  });
});

describe("vouchers expiring soon", () => {
  it("lists unredeemed vouchers expiring within the days asked, soonest first, counted on the organisation's calendar", () => {
    const soon = { ...assigned, id: "v2", reference: "VCH-7782", expiresOn: "2026-12-20" };
    const redeemed = { ...voucherIn("redeemed"), id: "v5", reference: "VCH-7785", expiresOn: "2026-12-25" };
    const vouchers = [assigned, redeemed, soon];
    expect(vouchersExpiringWithin(vouchers, 30, zone, stepDays.reserved).map((voucher) => voucher.reference)).toEqual(["VCH-7782"]);
    expect(vouchersExpiringWithin(vouchers, 61, zone, stepDays.reserved).map((voucher) => voucher.reference)).toEqual(["VCH-7782", "VCH-7781"]);
    // 23:30 UTC on 19 December is already the 20th in Paris: VCH-7782's last day.
    expect(vouchersExpiringWithin(vouchers, 0, zone, at("2026-12-19T23:30:00Z")).map((voucher) => voucher.reference)).toEqual(["VCH-7782"]);
  });
});
