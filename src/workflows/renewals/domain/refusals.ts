// Every way a renewal rule says no, and every way a row of the vendor's report can be wrong.
// Each carries the facts its words need (messages/<locale>/renewals.json:
// "renewal.refusal.<code>" and "renewal.importError.<code>").
import type { Result } from "../../../platform/domain/result";

export const RENEWAL_REFUSALS = [
  "not_permitted",
  "renewal_closed",
  "quote_number_required",
  "quote_number_invalid",
  "reason_required",
  "reason_too_long",
  "due_window_invalid",
] as const;
export type RenewalRefusal = (typeof RENEWAL_REFUSALS)[number];

export type RenewalResult<T> = Result<T, RenewalRefusal>;

export const RENEWAL_IMPORT_ERRORS = [
  "file_unreadable",
  "file_empty",
  "column_missing",
  "column_duplicated",
  "value_required",
  "value_too_long",
  "date_invalid",
  "date_order_conflict",
  "amount_invalid",
  "amount_precision",
  "currency_invalid",
  "quote_number_invalid",
  "line_item_duplicated",
] as const;
export type RenewalImportErrorCode = (typeof RENEWAL_IMPORT_ERRORS)[number];

/** One thing wrong with the file, named by its line (1 = the header line) and column header. */
export interface RenewalImportError {
  code: RenewalImportErrorCode;
  line: number;
  column?: string;
  value?: string;
  facts?: Record<string, string | number>;
}
