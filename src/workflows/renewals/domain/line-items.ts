// Renewal line items (DOMAIN.md section 5): the vendor's "Active renewal line items" and its
// "180 day report", one row per line item of a customer agreement, by end date, agreement,
// quote and site. The reseller works each one to an end: quoted, then renewed or lost.
import { z } from "zod";
import { minorUnitDigits, parseCurrencyCode } from "./amounts";
import { type CalendarDate, isCalendarDate } from "./calendar-dates";

export const RENEWAL_STATES = ["open", "quoted", "renewed", "lost"] as const;
export type RenewalState = (typeof RENEWAL_STATES)[number];

export const QUOTE_NUMBER_MAX = 30;
// The vendor's quote-number format is not published: letters, digits and common separators.
const QUOTE_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9\-/._]*$/;

export function isQuoteNumber(value: string): boolean {
  return value.length <= QUOTE_NUMBER_MAX && QUOTE_NUMBER_PATTERN.test(value);
}

/** Longest text each free-text field keeps; a longer cell is refused, not cut. */
export const TEXT_MAX = {
  agreementNumber: 40,
  lineItem: 40,
  siteNumber: 40,
  siteName: 200,
  customerName: 200,
  description: 300,
  accountOwner: 200,
} as const;

/** One line item as a report row or the inbound API gives it, once checked. */
export const ZRenewalLineItemRecord = z
  .object({
    agreementNumber: z.string().min(1).max(TEXT_MAX.agreementNumber),
    lineItem: z.string().min(1).max(TEXT_MAX.lineItem),
    siteNumber: z.string().max(TEXT_MAX.siteNumber).optional(),
    siteName: z.string().min(1).max(TEXT_MAX.siteName),
    customerName: z.string().min(1).max(TEXT_MAX.customerName),
    description: z.string().max(TEXT_MAX.description).optional(),
    endDate: z.string().refine(isCalendarDate, "not a calendar date (YYYY-MM-DD)"),
    amount: z.string().regex(/^\d+(\.\d+)?$/),
    currency: z.string().refine((code) => parseCurrencyCode(code) === code, "not a currency code"),
    quoteNumber: z.string().refine(isQuoteNumber, "not a quote number").optional(),
    /** As the report names the account's owner (an e-mail or a name); the store finds the user. */
    accountOwner: z.string().max(TEXT_MAX.accountOwner).optional(),
  })
  .refine((record) => (record.amount.split(".")[1] ?? "").length <= minorUnitDigits(record.currency), {
    message: "more decimals than the currency has",
    path: ["amount"],
  });
export type TRenewalLineItemRecord = z.infer<typeof ZRenewalLineItemRecord>;

export interface RenewalLineItem extends Omit<TRenewalLineItemRecord, "endDate"> {
  id: string;
  organisationId: string;
  endDate: CalendarDate;
  /** The partner user who owns the account, when the report's owner matched one. */
  ownerUserId?: string;
  state: RenewalState;
  lostReason?: string;
  version: number;
}

/** The idempotency key of a line item: its agreement and line item numbers. */
export function lineItemKey(record: Pick<TRenewalLineItemRecord, "agreementNumber" | "lineItem">): string {
  return `${record.agreementNumber}/${record.lineItem}`;
}

/** Still being worked: not yet renewed or lost. */
export function isOpenRenewal(item: Pick<RenewalLineItem, "state">): boolean {
  return item.state === "open" || item.state === "quoted";
}
