// Scheduling and the completion report: only an eligible consultant is scheduled, from today
// through the engagement's last day; a voucher expiring before that day is flagged; the report
// records the delivered day, the deliverables and the customer contact who accepted them.
import { describe, expect, it } from "vitest";
import { fileCompletionReport, rescheduleVoucher, scheduleVoucher } from "../../../../src/workflows/planning-vouchers/domain/delivery";
import { accepted, admin, at, completionCommand, eligibleConsultant, refusal, scheduleCommand, staffingContext, zone } from "./fixtures";
import { stepDays, voucherIn } from "./walk";

const reserved = voucherIn("reserved");
const when = stepDays.scheduled;

describe("scheduling the engagement", () => {
  it("schedules an eligible consultant and records the dates and the exam that qualified them", () => {
    const { record, audit } = accepted(scheduleVoucher(reserved, scheduleCommand, admin, when, staffingContext));
    expect(record.state).toBe("scheduled");
    expect(record.schedule).toEqual({
      at: when,
      byUserId: "aad-ana",
      byName: "Ana",
      startOn: "2026-12-14",
      endOn: "2026-12-18",
      consultantId: "c-rina",
      consultantName: "Rina",
      qualifyingExam: "Windows Client",
      examValidThrough: "2027-05-04",
      expiresBeforeDelivery: false,
    });
    expect(audit).toMatchObject({ action: "scheduled", after: { state: "scheduled", consultantName: "Rina", expiresBeforeDelivery: false } });
  });

  it("refuses a consultant who has not passed an exam of the qualifying competency", () => {
    expect(refusal(scheduleVoucher(reserved, { ...scheduleCommand, consultantId: "c-tom" }, admin, when, staffingContext))).toEqual({
      code: "consultant_not_eligible",
      facts: { consultant: "Tom", onDay: at("2026-12-01T23:00:00Z"), reason: "exam_missing", exams: "MD-100, MD-101" },
    });
  });

  it("refuses a consultant whose exam lapses before the engagement's last day", () => {
    const lapsing = { ...eligibleConsultant, exams: [{ ...eligibleConsultant.exams[0]!, validThrough: "2026-12-16" }] };
    const result = scheduleVoucher(reserved, scheduleCommand, admin, when, { ...staffingContext, consultants: [lapsing] });
    expect(refusal(result)).toEqual({
      code: "consultant_not_eligible",
      facts: { consultant: "Rina", onDay: at("2026-12-17T23:00:00Z"), reason: "exam_expired", exam: "Windows Client", expiredOn: at("2026-12-15T23:00:00Z") },
    });
  });

  it("refuses a consultant the partner does not have", () => {
    expect(refusal(scheduleVoucher(reserved, { ...scheduleCommand, consultantId: "c-nobody" }, admin, when, staffingContext))?.code).toBe("consultant_unknown");
  });

  it.each([
    [{ startOn: "2026-02-30" }, "startOn"],
    [{ endOn: "18/12/2026" }, "endOn"],
  ])("refuses a day that does not exist (%j)", (change, field) => {
    expect(refusal(scheduleVoucher(reserved, { ...scheduleCommand, ...change }, admin, when, staffingContext))).toEqual({
      code: "date_invalid",
      facts: { field },
    });
  });

  it("refuses an engagement that ends before it starts", () => {
    expect(refusal(scheduleVoucher(reserved, { ...scheduleCommand, endOn: "2026-12-13" }, admin, when, staffingContext))?.code).toBe(
      "schedule_ends_before_start",
    );
  });

  it("refuses a start before today in the organisation's zone, and takes today itself", () => {
    // 23:30 UTC on 1 December is already 2 December in Paris.
    const lateEvening = at("2026-12-01T23:30:00Z");
    expect(refusal(scheduleVoucher(reserved, { ...scheduleCommand, startOn: "2026-12-01" }, admin, lateEvening, staffingContext))).toEqual({
      code: "schedule_in_past",
      facts: { startOn: at("2026-11-30T23:00:00Z") },
    });
    expect(scheduleVoucher(reserved, { ...scheduleCommand, startOn: "2026-12-02" }, admin, lateEvening, staffingContext).ok).toBe(true);
  });

  it("flags, without refusing, a voucher that expires before the engagement's last day", () => {
    const late = { ...scheduleCommand, startOn: "2027-01-29", endOn: "2027-02-02" };
    const { record } = accepted(scheduleVoucher(reserved, late, admin, when, staffingContext));
    expect(record.schedule?.expiresBeforeDelivery).toBe(true);
  });
});

describe("rescheduling", () => {
  const scheduled = voucherIn("scheduled");

  it("moves the dates of a scheduled engagement, keeping it scheduled and recording before and after", () => {
    const { record, audit } = accepted(
      rescheduleVoucher(scheduled, { ...scheduleCommand, startOn: "2026-12-15", endOn: "2026-12-19" }, admin, when, staffingContext),
    );
    expect(record).toMatchObject({ state: "scheduled", version: scheduled.version + 1, schedule: { startOn: "2026-12-15", endOn: "2026-12-19" } });
    expect(audit).toEqual({
      action: "rescheduled",
      before: { startOn: "2026-12-14", endOn: "2026-12-18", consultantName: "Rina" },
      after: { startOn: "2026-12-15", endOn: "2026-12-19", consultantName: "Rina", expiresBeforeDelivery: false },
    });
  });

  it("refuses a reschedule that changes nothing", () => {
    expect(refusal(rescheduleVoucher(scheduled, scheduleCommand, admin, when, staffingContext))?.code).toBe("schedule_unchanged");
  });

  it("refuses to reschedule a voucher that is not scheduled", () => {
    expect(refusal(rescheduleVoucher(reserved, scheduleCommand, admin, when, staffingContext))).toMatchObject({
      code: "step_out_of_order",
      facts: { step: "reschedule" },
    });
  });
});

describe("filing the completion report", () => {
  const scheduled = voucherIn("scheduled");
  const filedOn = stepDays.delivered;

  it("records the delivered day, the deliverables and the customer contact who accepted them", () => {
    const { record, audit } = accepted(fileCompletionReport(scheduled, completionCommand, admin, filedOn, zone));
    expect(record.state).toBe("delivered");
    expect(record.completion).toEqual({ at: filedOn, byUserId: "aad-ana", byName: "Ana", ...completionCommand });
    expect(audit).toMatchObject({ action: "completion_report_filed", after: { deliveredOn: "2026-12-18", acceptedByName: "Marie Dupont" } });
  });

  it("refuses a delivered day before the engagement started, or after today", () => {
    expect(refusal(fileCompletionReport(scheduled, { ...completionCommand, deliveredOn: "2026-12-13" }, admin, filedOn, zone))?.code).toBe(
      "delivered_before_start",
    );
    expect(refusal(fileCompletionReport(scheduled, { ...completionCommand, deliveredOn: "2026-12-20" }, admin, filedOn, zone))).toEqual({
      code: "delivered_in_future",
      facts: { deliveredOn: at("2026-12-19T23:00:00Z") },
    });
  });

  it("refuses a report without deliverables, with more than ten, or with a title over 200 characters", () => {
    expect(refusal(fileCompletionReport(scheduled, { ...completionCommand, deliverables: [" ", ""] }, admin, filedOn, zone))?.code).toBe(
      "deliverables_required",
    );
    const eleven = Array.from({ length: 11 }, (_, index) => `Deliverable ${index}`);
    expect(refusal(fileCompletionReport(scheduled, { ...completionCommand, deliverables: eleven }, admin, filedOn, zone))).toEqual({
      code: "too_many_deliverables",
      facts: { max: 10 },
    });
    expect(refusal(fileCompletionReport(scheduled, { ...completionCommand, deliverables: ["x".repeat(201)] }, admin, filedOn, zone))).toEqual({
      code: "text_too_long",
      facts: { field: "deliverables", max: 200 },
    });
  });

  it("refuses a report without the customer contact's name or with an e-mail that is not one", () => {
    expect(refusal(fileCompletionReport(scheduled, { ...completionCommand, acceptedByName: "  " }, admin, filedOn, zone))?.code).toBe("contact_name_required");
    expect(refusal(fileCompletionReport(scheduled, { ...completionCommand, acceptedByEmail: "marie at contoso" }, admin, filedOn, zone))).toEqual({
      code: "email_invalid",
      facts: { field: "acceptedByEmail" },
    });
  });

  it("refuses a delivered day that does not exist: 29 February 2027 is not a leap day", () => {
    const leap = { ...scheduled, expiresOn: "2027-12-31", schedule: { ...scheduled.schedule!, startOn: "2027-02-26", endOn: "2027-03-01" } };
    expect(refusal(fileCompletionReport(leap, { ...completionCommand, deliveredOn: "2027-02-29" }, admin, at("2027-03-02T09:00:00Z"), zone))?.code).toBe(
      "date_invalid",
    );
  });
});
