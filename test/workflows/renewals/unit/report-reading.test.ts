// Issue 17, "Renewals": the vendor's report is read by header name in English or Indonesian,
// dates and amounts as the file writes them, every bad cell named by line and column, and the
// file taken whole or not at all.
import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../../src/workflows/renewals/domain/amounts";
import { mapColumns, normaliseHeader } from "../../../../src/workflows/renewals/domain/report-columns";
import { dateOrderOf, parseReportDate } from "../../../../src/workflows/renewals/domain/report-dates";
import { readRenewalReport, type ReportRow } from "../../../../src/workflows/renewals/domain/report-rows";

const EN = [
  "Agreement number",
  "Line item",
  "Site #",
  "Site name",
  "Customer name",
  "Part description",
  "End date",
  "Amount",
  "Currency",
  "Quote number",
  "Account owner",
];
const ID = [
  "Nomor Perjanjian",
  "Item baris",
  "Nomor Situs",
  "Nama Situs",
  "Nama Pelanggan",
  "Deskripsi",
  "Tanggal Berakhir",
  "Nilai",
  "Mata Uang",
  "Nomor Penawaran",
  "Pemilik Akun",
];

function rows(...cells: string[][]): ReportRow[] {
  return cells.map((row, index) => ({ line: index + 2, cells: row }));
}

describe("the report's columns", () => {
  it("finds every field by its English or Indonesian header, whatever the case, accents or punctuation", () => {
    expect(normaliseHeader("\uFEFFSite #")).toBe("site");
    expect(normaliseHeader("  Tanggal  BERAKHIR ")).toBe("tanggal berakhir");
    const english = mapColumns(EN);
    expect(english.ok && english.columns).toMatchObject({ style: "en", headers: { siteNumber: "Site #", endDate: "End date" } });
    const indonesian = mapColumns(ID);
    expect(indonesian.ok && indonesian.columns).toMatchObject({ style: "id", headers: { amount: "Nilai", currency: "Mata Uang" } });
  });

  it("names each missing required column on line 1, in the file's language", () => {
    const result = mapColumns(["Nomor Perjanjian", "Item baris", "Nama Situs", "Nama Pelanggan"]);
    expect(result.ok || result.errors).toEqual([
      { code: "column_missing", line: 1, column: "tanggal berakhir" },
      { code: "column_missing", line: 1, column: "jumlah" },
      { code: "column_missing", line: 1, column: "mata uang" },
    ]);
  });

  it("refuses two columns for one field", () => {
    const result = mapColumns([...EN, "Renewal date"]);
    expect(result.ok || result.errors).toEqual([{ code: "column_duplicated", line: 1, column: "Renewal date", facts: { first: "End date" } }]);
  });
});

describe("dates in the report", () => {
  it("reads ISO dates and day-month-name dates in English and Indonesian", () => {
    expect(parseReportDate("2027-03-31", "day-first")).toBe("2027-03-31");
    expect(parseReportDate("31-Mar-2027", "month-first")).toBe("2027-03-31");
    expect(parseReportDate("17 Agustus 2027", "day-first")).toBe("2027-08-17");
    expect(parseReportDate("1-Okt-2027", "day-first")).toBe("2027-10-01");
  });

  it("refuses dates that do not exist, 29 February outside leap years included", () => {
    expect(parseReportDate("2027-02-29", "day-first")).toBeUndefined();
    expect(parseReportDate("29/02/2028", "day-first")).toBe("2028-02-29");
    expect(parseReportDate("31/04/2027", "day-first")).toBeUndefined();
    expect(parseReportDate("31-Foo-2027", "day-first")).toBeUndefined();
  });

  it("lets the file settle the order of numeric dates, its language deciding when nothing does", () => {
    expect(dateOrderOf(["03/04/2027", "25/04/2027"], "en")).toEqual({ ok: true, order: "day-first" });
    expect(dateOrderOf(["03/04/2027", "04/25/2027"], "id")).toEqual({ ok: true, order: "month-first" });
    expect(dateOrderOf(["03/04/2027"], "id")).toEqual({ ok: true, order: "day-first" });
    expect(dateOrderOf(["03/04/2027"], "en")).toEqual({ ok: true, order: "month-first" });
    expect(dateOrderOf(["25/04/2027", "2027-01-01", "04/25/2027"], "en")).toEqual({ ok: false, index: 2 });
  });
});

describe("amounts in the report", () => {
  it("reads amounts in the file's style and keeps the currency's minor digits", () => {
    expect(parseAmount("12,500.5", "en", "USD")).toEqual({ ok: true, value: "12500.50" });
    expect(parseAmount("12.500,5", "id", "USD")).toEqual({ ok: true, value: "12500.50" });
    expect(parseAmount("150.000.000", "id", "IDR")).toEqual({ ok: true, value: "150000000" });
    expect(parseAmount("150.000.000,00", "id", "IDR")).toEqual({ ok: true, value: "150000000" });
    expect(parseAmount("1 234.00", "en", "EUR")).toEqual({ ok: true, value: "1234.00" });
  });

  it("refuses marks used the other way round, negatives, words and too many decimals", () => {
    expect(parseAmount("12.500,50", "en", "USD")).toEqual({ ok: false, rule: "invalid" });
    expect(parseAmount("1,23,456", "en", "USD")).toEqual({ ok: false, rule: "invalid" });
    expect(parseAmount("-5", "en", "USD")).toEqual({ ok: false, rule: "invalid" });
    expect(parseAmount("ten", "en", "USD")).toEqual({ ok: false, rule: "invalid" });
    expect(parseAmount("1.005", "en", "USD")).toEqual({ ok: false, rule: "precision" });
    expect(parseAmount("1.500,50", "id", "IDR")).toEqual({ ok: false, rule: "precision" });
  });
});

describe("reading the report's rows", () => {
  it("reads an Indonesian report into line items with their lines", () => {
    const result = readRenewalReport(
      ID,
      rows(
        ["2024-AG-7731", "001", "1234567", "Contoso Jakarta", "Contoso", "IBM Db2", "31/03/2027", "12.500,00", "usd", "", "bea@contoso.example"],
        ["2024-AG-7731", "002", "1234567", "Contoso Jakarta", "Contoso", "", "15 Mei 2027", "150.000.000", "IDR", "Q-2027-0042", ""],
        ["", "", "", "", "", "", "", "", "", "", ""],
      ),
    );
    expect(result).toEqual({
      ok: true,
      items: [
        {
          line: 2,
          agreementNumber: "2024-AG-7731",
          lineItem: "001",
          siteNumber: "1234567",
          siteName: "Contoso Jakarta",
          customerName: "Contoso",
          description: "IBM Db2",
          endDate: "2027-03-31",
          amount: "12500.00",
          currency: "USD",
          accountOwner: "bea@contoso.example",
        },
        {
          line: 3,
          agreementNumber: "2024-AG-7731",
          lineItem: "002",
          siteNumber: "1234567",
          siteName: "Contoso Jakarta",
          customerName: "Contoso",
          endDate: "2027-05-15",
          amount: "150000000",
          currency: "IDR",
          quoteNumber: "Q-2027-0042",
        },
      ],
    });
  });

  it("names every bad cell by line and column, and takes nothing", () => {
    const result = readRenewalReport(
      EN,
      rows(
        ["2024-AG-7731", "001", "1234567", "Contoso Jakarta", "Contoso", "", "2027-02-30", "12,500.00", "USD", "", ""],
        ["2024-AG-7731", "002", "1234567", "", "Contoso", "", "2027-03-31", "12.500,00", "XYZ", "Q 1", ""],
        ["2024-AG-7731", "003", "1234567", "Contoso Jakarta", "Contoso", "", "2027-03-31", "1.005", "USD", "", ""],
      ),
    );
    expect(result.ok || result.errors).toEqual([
      { code: "date_invalid", line: 2, column: "End date", value: "2027-02-30" },
      { code: "value_required", line: 3, column: "Site name" },
      { code: "currency_invalid", line: 3, column: "Currency", value: "XYZ" },
      { code: "quote_number_invalid", line: 3, column: "Quote number", value: "Q 1" },
      { code: "amount_precision", line: 4, column: "Amount", value: "1.005", facts: { currency: "USD", digits: 2 } },
    ]);
  });

  it("shows the file's own number style when an amount is written otherwise", () => {
    const result = readRenewalReport(EN, rows(["A", "1", "", "S", "C", "", "2027-03-31", "12.500,00", "USD", "", ""]));
    expect(result.ok || result.errors).toEqual([{ code: "amount_invalid", line: 2, column: "Amount", value: "12.500,00", facts: { example: "1,234.50" } }]);
  });

  it("refuses a line item listed twice, at its second line", () => {
    const row = ["2024-AG-7731", "001", "", "Contoso Jakarta", "Contoso", "", "2027-03-31", "1.00", "USD", "", ""];
    const result = readRenewalReport(EN, rows(row, row));
    expect(result.ok || result.errors).toEqual([{ code: "line_item_duplicated", line: 3, column: "Line item", value: "001", facts: { firstLine: 2 } }]);
  });

  it("refuses a file whose numeric dates read both ways", () => {
    const base = ["A", "1", "", "S", "C", "", "", "1.00", "USD", "", ""];
    const result = readRenewalReport(
      EN,
      rows(
        base.map((cell, index) => (index === 6 ? "25/04/2027" : cell)),
        base.map((cell, index) => (index === 1 ? "2" : index === 6 ? "04/25/2027" : cell)),
      ),
    );
    expect(result.ok || result.errors).toEqual([{ code: "date_order_conflict", line: 3, column: "End date", value: "04/25/2027" }]);
  });

  it("refuses a file with a header line only, or an over-long cell", () => {
    expect(readRenewalReport(EN, [])).toEqual({ ok: false, errors: [{ code: "file_empty", line: 1 }] });
    const result = readRenewalReport(EN, rows(["A", "1", "", "S".repeat(201), "C", "", "2027-03-31", "1.00", "USD", "", ""]));
    expect(result.ok || result.errors).toMatchObject([{ code: "value_too_long", line: 2, column: "Site name", facts: { max: 200 } }]);
  });
});
