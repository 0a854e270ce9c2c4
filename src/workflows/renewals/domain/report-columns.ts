// The columns of the vendor's renewal report, found by header name in English or Indonesian
// (the vendor's reseller pages exist in both; the report's exact columns are not published, so
// each field answers to the names the vendor's pages and exports use). Headers are compared
// without case, accents, punctuation or extra spaces: "Site #", "site" and "SITE" are one.
import type { NumberStyle } from "./amounts";
import type { RenewalImportError } from "./refusals";

export const REPORT_FIELDS = [
  "agreementNumber",
  "lineItem",
  "siteNumber",
  "siteName",
  "customerName",
  "description",
  "endDate",
  "amount",
  "currency",
  "quoteNumber",
  "accountOwner",
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ReportField[] = ["agreementNumber", "lineItem", "siteName", "customerName", "endDate", "amount", "currency"];

const HEADER_NAMES: Record<ReportField, Record<NumberStyle, readonly string[]>> = {
  agreementNumber: {
    en: ["agreement number", "agreement", "customer agreement number", "agreement no"],
    id: ["nomor perjanjian", "perjanjian", "nomor perjanjian pelanggan", "no perjanjian"],
  },
  lineItem: { en: ["line item", "line item number", "line item id", "line"], id: ["item baris", "nomor item baris", "no item baris"] },
  siteNumber: { en: ["site number", "site", "site id", "site no"], id: ["nomor situs", "situs", "nomor lokasi", "no situs"] },
  siteName: { en: ["site name"], id: ["nama situs", "nama lokasi"] },
  customerName: { en: ["customer name", "customer"], id: ["nama pelanggan", "pelanggan"] },
  description: {
    en: ["description", "part description", "product", "product description"],
    id: ["deskripsi", "deskripsi suku cadang", "produk", "deskripsi produk"],
  },
  endDate: {
    en: ["end date", "renewal date", "expiration date", "renewal due date"],
    id: ["tanggal berakhir", "tanggal perpanjangan", "tanggal kedaluwarsa", "tanggal jatuh tempo"],
  },
  amount: { en: ["amount", "value", "renewal value", "price"], id: ["jumlah", "nilai", "nilai perpanjangan", "harga"] },
  currency: { en: ["currency"], id: ["mata uang"] },
  quoteNumber: { en: ["quote number", "quote"], id: ["nomor penawaran", "penawaran", "no penawaran"] },
  accountOwner: { en: ["account owner", "owner"], id: ["pemilik akun", "pemilik"] },
};

export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const FIELD_BY_NAME = new Map<string, { field: ReportField; style: NumberStyle }>(
  REPORT_FIELDS.flatMap((field) => (["en", "id"] as const).flatMap((style) => HEADER_NAMES[field][style].map((name) => [name, { field, style }] as const))),
);

export interface ColumnMap {
  /** The file's header text for each field found, as the file spells it. */
  headers: Partial<Record<ReportField, string>>;
  /** The language of the headers: it also says how the file writes numbers and ambiguous dates. */
  style: NumberStyle;
}

/** Maps the header line to fields; unknown columns are ignored, missing or repeated ones named. */
export function mapColumns(headers: readonly string[]): { ok: true; columns: ColumnMap } | { ok: false; errors: RenewalImportError[] } {
  const found: Partial<Record<ReportField, string>> = {};
  const votes: Record<NumberStyle, number> = { en: 0, id: 0 };
  const errors: RenewalImportError[] = [];
  for (const header of headers) {
    const match = FIELD_BY_NAME.get(normaliseHeader(header));
    if (!match) continue;
    const earlier = found[match.field];
    if (earlier !== undefined) {
      errors.push({ code: "column_duplicated", line: 1, column: header.trim(), facts: { first: earlier } });
      continue;
    }
    found[match.field] = header.trim();
    votes[match.style] += 1;
  }
  const style: NumberStyle = votes.id > votes.en ? "id" : "en";
  for (const field of REQUIRED_FIELDS) {
    if (found[field] === undefined) errors.push({ code: "column_missing", line: 1, column: HEADER_NAMES[field][style][0] as string });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns: { headers: found, style } };
}
