// Reading the vendor's renewal report once its CSV is split into cells (the loader detects the
// separator and encoding): every row checked, every bad cell named by line and column, and the
// file taken whole or not at all. A line item appearing twice in one file is refused at its
// second line: the file would not say which row is true.
import { minorUnitDigits, parseAmount, parseCurrencyCode } from "./amounts";
import { lineItemKey, isQuoteNumber, TEXT_MAX, type TRenewalLineItemRecord } from "./line-items";
import type { RenewalImportError } from "./refusals";
import { type ColumnMap, mapColumns, REPORT_FIELDS, type ReportField } from "./report-columns";
import { type DateOrder, dateOrderOf, parseReportDate } from "./report-dates";

/** One data row as the CSV loader gives it: the file line it starts on, and its cells. */
export interface ReportRow {
  line: number;
  cells: readonly string[];
}

export interface ReportLineItem extends TRenewalLineItemRecord {
  line: number;
}

export type ReportReading = { ok: true; items: ReportLineItem[] } | { ok: false; errors: RenewalImportError[] };

export function readRenewalReport(headers: readonly string[], rows: readonly ReportRow[]): ReportReading {
  const mapped = mapColumns(headers);
  if (!mapped.ok) return mapped;
  const { columns } = mapped;
  const filled = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (filled.length === 0) return { ok: false, errors: [{ code: "file_empty", line: 1 }] };
  const errors: RenewalImportError[] = [];
  const indexOf = columnIndexes(headers, columns);
  const endDates = filled.map((row) => cellOf(row, indexOf.endDate));
  const evidence = dateOrderOf(endDates, columns.style);
  if (!evidence.ok) {
    const row = filled[evidence.index] as ReportRow;
    errors.push({ code: "date_order_conflict", line: row.line, column: columns.headers.endDate as string, value: endDates[evidence.index] as string });
  }
  const order = evidence.ok ? evidence.order : "either";
  const items: ReportLineItem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of filled) {
    const item = readRow(row, columns, indexOf, order, errors);
    if (!item) continue;
    const key = lineItemKey(item);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      errors.push({ code: "line_item_duplicated", line: row.line, column: columns.headers.lineItem as string, value: item.lineItem, facts: { firstLine: first } });
      continue;
    }
    firstLineOf.set(key, row.line);
    items.push(item);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items };
}

type Indexes = Partial<Record<ReportField, number>>;

function columnIndexes(headers: readonly string[], columns: ColumnMap): Indexes {
  const indexes: Indexes = {};
  for (const field of REPORT_FIELDS) {
    const header = columns.headers[field];
    if (header !== undefined) indexes[field] = headers.findIndex((candidate) => candidate.trim() === header);
  }
  return indexes;
}

function cellOf(row: ReportRow, index: number | undefined): string {
  return index === undefined ? "" : (row.cells[index] ?? "").trim();
}

function readRow(row: ReportRow, columns: ColumnMap, indexOf: Indexes, order: DateOrder | "either", errors: RenewalImportError[]): ReportLineItem | undefined {
  const before = errors.length;
  const fail = (field: ReportField, code: RenewalImportError["code"], value?: string, facts?: Record<string, string | number>) => {
    errors.push({ code, line: row.line, column: columns.headers[field] as string, ...(value ? { value: value.slice(0, 60) } : {}), ...(facts ? { facts } : {}) });
  };
  const text = (field: keyof typeof TEXT_MAX, required: boolean): string | undefined => {
    const value = cellOf(row, indexOf[field]);
    if (!value) {
      if (required) fail(field, "value_required");
      return undefined;
    }
    if (value.length > TEXT_MAX[field]) fail(field, "value_too_long", value, { max: TEXT_MAX[field] });
    return value;
  };
  const agreementNumber = text("agreementNumber", true);
  const lineItem = text("lineItem", true);
  const siteNumber = text("siteNumber", false);
  const siteName = text("siteName", true);
  const customerName = text("customerName", true);
  const description = text("description", false);
  const accountOwner = text("accountOwner", false);
  const endDate = readEndDate(cellOf(row, indexOf.endDate), order, (code, value) => fail("endDate", code, value));
  const currencyText = cellOf(row, indexOf.currency);
  const currency = currencyText ? parseCurrencyCode(currencyText) : undefined;
  if (!currencyText) fail("currency", "value_required");
  else if (!currency) fail("currency", "currency_invalid", currencyText);
  const amount = currency ? readAmount(cellOf(row, indexOf.amount), columns, currency, (code, value, facts) => fail("amount", code, value, facts)) : undefined;
  const quoteNumber = cellOf(row, indexOf.quoteNumber) || undefined;
  if (quoteNumber && !isQuoteNumber(quoteNumber)) fail("quoteNumber", "quote_number_invalid", quoteNumber);
  if (errors.length > before || !agreementNumber || !lineItem || !siteName || !customerName || !endDate || !amount || !currency) return undefined;
  return {
    line: row.line,
    agreementNumber,
    lineItem,
    siteName,
    customerName,
    endDate,
    amount,
    currency,
    ...(siteNumber ? { siteNumber } : {}),
    ...(description ? { description } : {}),
    ...(quoteNumber ? { quoteNumber } : {}),
    ...(accountOwner ? { accountOwner } : {}),
  };
}

function readEndDate(value: string, order: DateOrder | "either", fail: (code: "value_required" | "date_invalid", value?: string) => void): string | undefined {
  if (!value) {
    fail("value_required");
    return undefined;
  }
  const date = parseReportDate(value, order);
  if (!date) fail("date_invalid", value);
  return date;
}

function readAmount(
  value: string,
  columns: ColumnMap,
  currency: string,
  fail: (code: "value_required" | "amount_invalid" | "amount_precision", value?: string, facts?: Record<string, string | number>) => void,
): string | undefined {
  if (!value) {
    fail("value_required");
    return undefined;
  }
  const amount = parseAmount(value, columns.style, currency);
  if (amount.ok) return amount.value;
  if (amount.rule === "precision") fail("amount_precision", value, { currency, digits: minorUnitDigits(currency) });
  else fail("amount_invalid", value, { example: columns.style === "id" ? "1.234,50" : "1,234.50" });
  return undefined;
}
