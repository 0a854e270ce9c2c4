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
    const value = endDates[evidence.index] as string;
    errors.push({ code: "date_order_conflict", line: row.line, column: columns.headers.endDate as string, value });
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
      const column = columns.headers.lineItem as string;
      errors.push({ code: "line_item_duplicated", line: row.line, column, value: item.lineItem, facts: { firstLine: first } });
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

type Facts = Record<string, string | number>;

/** Reads one row's cells, naming each bad one; `failed` says whether any was. */
function rowReader(row: ReportRow, columns: ColumnMap, indexOf: Indexes, errors: RenewalImportError[]) {
  const before = errors.length;
  const cell = (field: ReportField) => cellOf(row, indexOf[field]);
  const fail = (field: ReportField, code: RenewalImportError["code"], value?: string, facts?: Facts): undefined => {
    const column = columns.headers[field] as string;
    errors.push({ code, line: row.line, column, ...(value ? { value: value.slice(0, 60) } : {}), ...(facts ? { facts } : {}) });
    return undefined;
  };
  return {
    failed: () => errors.length > before,
    text(field: keyof typeof TEXT_MAX, required: boolean): string | undefined {
      const value = cell(field);
      if (!value) return required ? fail(field, "value_required") : undefined;
      if (value.length > TEXT_MAX[field]) fail(field, "value_too_long", value, { max: TEXT_MAX[field] });
      return value;
    },
    endDate(order: DateOrder | "either"): string | undefined {
      const value = cell("endDate");
      if (!value) return fail("endDate", "value_required");
      return parseReportDate(value, order) ?? fail("endDate", "date_invalid", value);
    },
    currency(): string | undefined {
      const value = cell("currency");
      if (!value) return fail("currency", "value_required");
      return parseCurrencyCode(value) ?? fail("currency", "currency_invalid", value);
    },
    amount(currency: string | undefined): string | undefined {
      const value = cell("amount");
      if (!value) return fail("amount", "value_required");
      // Without a currency the number of decimals allowed is unknown: the currency's error says enough.
      if (!currency) return undefined;
      const amount = parseAmount(value, columns.style, currency);
      if (amount.ok) return amount.value;
      if (amount.rule === "precision") return fail("amount", "amount_precision", value, { currency, digits: minorUnitDigits(currency) });
      return fail("amount", "amount_invalid", value, { example: columns.style === "id" ? "1.234,50" : "1,234.50" });
    },
    quoteNumber(): string | undefined {
      const value = cell("quoteNumber");
      if (!value) return undefined;
      return isQuoteNumber(value) ? value : fail("quoteNumber", "quote_number_invalid", value);
    },
  };
}

function readRow(row: ReportRow, columns: ColumnMap, indexOf: Indexes, order: DateOrder | "either", errors: RenewalImportError[]): ReportLineItem | undefined {
  const read = rowReader(row, columns, indexOf, errors);
  const agreementNumber = read.text("agreementNumber", true);
  const lineItem = read.text("lineItem", true);
  const siteNumber = read.text("siteNumber", false);
  const siteName = read.text("siteName", true);
  const customerName = read.text("customerName", true);
  const description = read.text("description", false);
  const accountOwner = read.text("accountOwner", false);
  const endDate = read.endDate(order);
  const currency = read.currency();
  const amount = read.amount(currency);
  const quoteNumber = read.quoteNumber();
  if (read.failed() || !agreementNumber || !lineItem || !siteName || !customerName || !endDate || !amount || !currency) return undefined;
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
