// Loading the vendor's renewal report as downloaded: the bytes' encoding detected (chardet) and
// decoded (iconv-lite), the separator found on the header line, the cells split by csv-parse
// with each row's starting line kept, then read by the domain (domain/report-rows.ts), which
// names every bad cell by line and column. Nothing is saved here: the import applies the rows.
import chardet from "chardet";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { ReportReading, ReportRow } from "../domain/report-rows";
import { readRenewalReport } from "../domain/report-rows";

const SEPARATORS = [",", ";", "\t", "|"] as const;

/** The report's text: UTF-8 (with or without a byte order mark), UTF-16, or a legacy code page. */
export function decodeReport(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const detected = chardet.detect(buffer);
  const encoding = detected && iconv.encodingExists(detected) ? detected : "utf8";
  return iconv.decode(buffer, encoding);
}

/** The separator used most on the header line, outside quotes: a spreadsheet's locale decides it. */
export function detectSeparator(text: string): string {
  const header = headerLine(text);
  const counts = SEPARATORS.map((separator) => ({ separator, count: header.split(separator).length - 1 }));
  return counts.reduce((best, candidate) => (candidate.count > best.count ? candidate : best)).separator;
}

function headerLine(text: string): string {
  const end = text.search(/\r?\n/);
  return (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, "");
}

export function readReportText(text: string): ReportReading {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectSeparator(text),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    const line = Number((error as { lines?: unknown }).lines) || 1;
    const detail = String((error as { code?: unknown }).code ?? "CSV_INVALID");
    return { ok: false, errors: [{ code: "file_unreadable", line, facts: { detail } }] };
  }
  const [header, ...data] = records;
  if (!header) return { ok: false, errors: [{ code: "file_empty", line: 1 }] };
  const rows: ReportRow[] = data.map(({ record, info }) => ({
    // csv-parse counts the line a record ends on; a quoted cell may span lines.
    line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  return readRenewalReport(header.record, rows);
}

export function readReportFile(bytes: Uint8Array): ReportReading {
  return readReportText(decodeReport(bytes));
}
