// What the vendor sends in (DOMAIN.md "The vendor's side"): vouchers assigned to the partner,
// engagement types with their qualifying competencies and exams, the partner's ids, enrolments
// and competencies, consultants with their exams, and payment confirmations. One zod schema
// per record; each is idempotent by the vendor's own id.
import { z } from "zod";
import { isCalendarDate } from "./calendar-days";
import { COMPETENCY_LEVELS } from "./eligibility";
import { isCurrencyCode, parseAmount } from "./amounts";
import { PLANNING_DAY_OPTIONS } from "./voucher";

const text = (max: number) => z.string().trim().min(1).max(max);
const calendarDate = z
  .string()
  .trim()
  .refine(isCalendarDate, { error: 'expected a calendar day like "2026-10-03"' })
  .describe("A calendar day, YYYY-MM-DD: the last day it is valid, in the organisation's time zone.");
const email = z.email().max(254);

const ZVoucherValueSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("days"),
    days: z.union(PLANNING_DAY_OPTIONS.map((days) => z.literal(days))).describe("Planning days: 1, 3, 5, 10 or 15."),
  }),
  z
    .strictObject({
      kind: z.literal("amount"),
      amount: z.string().trim(),
      currency: z.string().trim().toUpperCase().refine(isCurrencyCode, { error: "expected an ISO 4217 currency code" }),
    })
    .transform((value, context) => {
      const parsed = parseAmount(value.amount, value.currency);
      if (parsed.ok) return { ...value, amount: parsed.value };
      context.addIssue({ code: "custom", message: `expected a positive amount with the currency's decimals (${parsed.rule})`, path: ["amount"] });
      return z.NEVER;
    }),
]);

export const ZImportVoucherSchema = z
  .strictObject({
    vendorVoucherId: text(64).describe("The voucher ID as the vendor prints it; the import upserts on it."),
    reference: z
      .string()
      .regex(/^VCH-\d{1,9}$/, 'expected a reference like "VCH-7781"')
      .describe('What people call the voucher in chat, "VCH-" and digits.'),
    customerName: text(200),
    administratorEmail: email.describe("The customer's voucher administrator, asked for at validation."),
    assignedPartnerId: text(64).describe("The vendor's id of the partner or partner location the customer assigned it to."),
    offering: text(20).describe('The planning-services offering, e.g. "DDPS".'),
    engagementTypeCode: text(64),
    value: ZVoucherValueSchema,
    assignedOn: calendarDate,
    expiresOn: calendarDate,
  })
  .refine((voucher) => voucher.expiresOn >= voucher.assignedOn, { error: "a voucher cannot expire before it was assigned", path: ["expiresOn"] })
  .describe("A voucher a customer assigned to the partner, as the vendor exports it.");
export type TImportVoucher = z.output<typeof ZImportVoucherSchema>;

export const ZImportEngagementTypeSchema = z
  .strictObject({
    code: text(64),
    offering: text(20),
    name: text(200),
    qualifyingCompetencies: z
      .array(
        z.strictObject({
          competency: text(200),
          minimumLevel: z.enum(COMPETENCY_LEVELS).describe('"silver" for the vendor\'s "Silver or Gold", "gold" for "Gold".'),
          exams: z.array(text(40)).min(1).max(50).describe("Codes of the assessments or exams that qualify a consultant."),
        }),
      )
      .min(1)
      .max(10)
      .describe("Any one of them qualifies the partner for this engagement type."),
  })
  .describe("An engagement type of an offering and what qualifies for it.");
export type TImportEngagementType = z.output<typeof ZImportEngagementTypeSchema>;

export const ZImportPartnerIdSchema = z
  .strictObject({ vendorPartnerId: text(64), name: text(200) })
  .describe("An id the vendor knows this partner (or one of its locations) by.");
export type TImportPartnerId = z.output<typeof ZImportPartnerIdSchema>;

export const ZImportEnrolmentSchema = z
  .strictObject({ offering: text(20), enrolledOn: calendarDate, anniversaryOn: calendarDate.describe("The last day of this year's enrolment.") })
  .refine((enrolment) => enrolment.anniversaryOn >= enrolment.enrolledOn, {
    error: "the anniversary cannot come before the enrolment",
    path: ["anniversaryOn"],
  })
  .describe("The partner's enrolment in one offering, renewed every year; the import upserts on the offering.");
export type TImportEnrolment = z.output<typeof ZImportEnrolmentSchema>;

export const ZImportCompetencySchema = z
  .strictObject({ vendorCompetencyId: text(64), name: text(200), level: z.enum(COMPETENCY_LEVELS), validThrough: calendarDate })
  .describe("A competency the partner holds.");
export type TImportCompetency = z.output<typeof ZImportCompetencySchema>;

export const ZImportConsultantSchema = z
  .strictObject({
    vendorConsultantId: text(64),
    name: text(200),
    email: email.optional(),
    complianceTrainingOn: calendarDate.optional().describe("When the Planning Services compliance training was completed."),
    exams: z
      .array(
        z
          .strictObject({ code: text(40), name: text(200), passedOn: calendarDate, validThrough: calendarDate.optional() })
          .refine((exam) => !exam.validThrough || exam.validThrough >= exam.passedOn, {
            error: "an exam cannot lapse before it was passed",
            path: ["validThrough"],
          }),
      )
      .max(100),
  })
  .describe("A consultant of the partner and the exams they passed.");
export type TImportConsultant = z.output<typeof ZImportConsultantSchema>;

export const ZPaymentConfirmationSchema = z
  .strictObject({
    vendorVoucherId: text(64),
    paymentReference: text(100).describe("The vendor's payment reference; a confirmation is applied once per reference."),
    paidOn: calendarDate,
    invoiceNumber: text(40).optional(),
  })
  .describe("The vendor's confirmation that it paid the partner's invoice for a voucher.");
export type TPaymentConfirmation = z.output<typeof ZPaymentConfirmationSchema>;
