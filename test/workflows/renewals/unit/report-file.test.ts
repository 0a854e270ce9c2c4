// Loading the vendor's renewal report as downloaded: the sample files in examples/ (an English
// export in UTF-8 with commas, an Indonesian one in a Windows code page with semicolons) read
// whole, and a malformed file names every bad cell by line and column.
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeReport, detectSeparator, readReportFile, readReportText } from "../../../../src/workflows/renewals/import/report-file";
import { renewalReportReader } from "../../../../src/workflows/renewals/import/report-reader";

const example = (name: string) => readFileSync(new URL(`../../../../examples/${name}`, import.meta.url));

describe("the vendor's renewal report file", () => {
  it("reads the English sample: every line item, amounts exact, dates as calendar days", () => {
    const reading = readReportFile(example("renewals-180-days.csv"));
    if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
    expect(reading.items).toHaveLength(5);
    expect(reading.items[0]).toMatchObject({
      line: 2,
      agreementNumber: "0000123456",
      lineItem: "001",
      siteNumber: "3456789",
      customerName: "Contoso Ltd",
      endDate: "2027-03-31",
      amount: "12500.00",
      currency: "USD",
      accountOwner: "Lea Hoffmann",
    });
    expect(reading.items[0]?.description).toContain("Processor Value Unit");
    expect(reading.items[1]).toMatchObject({ quoteNumber: "Q-2026-0042", amount: "3150.50" });
    expect(reading.items[3]).toMatchObject({ currency: "IDR", amount: "250000000", endDate: "2027-04-30" });
  });

  it("reads the Indonesian sample: its code page, semicolons, Indonesian months and number style", () => {
    const bytes = example("renewals-180-days.id.csv");
    expect(detectSeparator(decodeReport(bytes))).toBe(";");
    const reading = readReportFile(bytes);
    if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
    expect(reading.items.map((item) => [item.endDate, item.amount, item.currency])).toEqual([
      ["2027-04-30", "250000000", "IDR"],
      ["2027-05-15", "18750.00", "USD"],
      ["2027-08-31", "1234567890", "IDR"],
    ]);
    expect(reading.items[2]?.customerName).toBe("PT Kopi Café Nusantara");
  });

  it("decodes UTF-16 with its byte order mark and tab separators", () => {
    const text = "Agreement number\tLine item\tSite name\tCustomer\tEnd date\tValue\tCurrency\n0000999\t001\tSite Ä\tÅngström AB\t2027-01-15\t10.50\tEUR\n";
    const reading = readReportFile(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]));
    expect(reading).toMatchObject({ ok: true, items: [{ customerName: "Ångström AB", amount: "10.50", siteName: "Site Ä" }] });
  });

  it("names every bad cell of a malformed file by line and column, and reads none of it", () => {
    const text = [
      "Agreement number,Line item,Site name,Customer name,End date,Value,Currency",
      '0000123456,001,Contoso Jakarta,Contoso Ltd,31-Mar-2027,"12,500.00",USD',
      '0000123456,002,Contoso Jakarta,Contoso Ltd,30-Feb-2027,"12,50",USD',
      "0000123456,003,,Contoso Ltd,2027-03-31,100,DOLLARS",
      '0000123456,004,"Contoso, multi',
      'line site",Contoso Ltd,2027-03-31,1.005,USD',
      "0000123456,001,Contoso Jakarta,Contoso Ltd,2027-03-31,100,USD",
    ].join("\n");
    const reading = readReportText(text);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [3, "End date", "date_invalid"],
      [3, "Value", "amount_invalid"],
      [4, "Site name", "value_required"],
      [4, "Currency", "currency_invalid"],
      [5, "Value", "amount_precision"],
      [7, "Line item", "line_item_duplicated"],
    ]);
  });

  it("names the line of an unclosed quote, and the missing columns of a file that is not the report", () => {
    expect(readReportText('Agreement number,Line item\n"0001,002\n')).toMatchObject({ ok: false, errors: [{ code: "file_unreadable" }] });
    const other = readReportText("Name,Email\nAna,ana@example.com\n");
    expect(other.ok ? [] : other.errors.map((error) => error.column)).toEqual([
      "agreement number",
      "line item",
      "site name",
      "customer name",
      "end date",
      "amount",
      "currency",
    ]);
  });

  it("words the problems for the operator with line and column, as `npm run import` prints them", () => {
    const reading = renewalReportReader.read(
      Buffer.from("Agreement number,Line item,Site name,Customer name,End date,Value,Currency\n1,001,S,C,2027-02-30,1,USD\n"),
    );
    expect(reading).toEqual({
      ok: false,
      problems: [{ where: "", message: 'Line 2, column "End date": "2027-02-30" is not a date (for example 2027-03-31 or 31-Mar-2027).' }],
    });
  });
});
