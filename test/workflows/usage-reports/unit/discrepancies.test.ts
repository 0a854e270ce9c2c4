// Discrepancies: what must be commented, what is shown in red, what the totals say, and which
// lines a card shows first.
import { describe, expect, it } from "vitest";
import {
  discrepancyOf,
  isPenaltyRisk,
  linesByAttention,
  needsComment,
  pageOfLines,
  penaltiesOf,
  reportTotals,
} from "../../../../src/workflows/usage-reports/domain/discrepancies";
import { line } from "./fixtures";

describe("discrepancies between provisioned and billable units", () => {
  it("sees none when billable units equal provisioned units, whatever their writing", () => {
    expect(discrepancyOf(line("a", "10", "10.000"))).toBeUndefined();
  });

  it("flags provisioned above billable as over-provisioning: the red case and a penalty risk", () => {
    const over = line("a", "10", "8");
    expect(discrepancyOf(over)).toBe("over_provisioned");
    expect(isPenaltyRisk(over)).toBe(true);
  });

  it("flags billable above provisioned as a discrepancy too, not shown in red", () => {
    const under = line("a", "10", "12.5");
    expect(discrepancyOf(under)).toBe("under_provisioned");
    expect(isPenaltyRisk(under)).toBe(false);
  });

  it("asks for a comment on every discrepancy without one, and only there", () => {
    expect(needsComment(line("a", "10", "8"))).toBe(true);
    expect(needsComment(line("a", "10", "12"))).toBe(true);
    expect(needsComment(line("a", "10", "8", { comment: "Two seats cancelled on the 3rd" }))).toBe(false);
    expect(needsComment(line("a", "10"))).toBe(false);
  });

  it("charges an uncommented discrepancy on the larger of the two counts", () => {
    const penalties = penaltiesOf([line("a", "10", "8"), line("b", "5", "6"), line("c", "3", "2", { comment: "Trial" }), line("d", "1")]);
    expect(penalties.map(({ lineId, kind, chargedUnits }) => ({ lineId, kind, chargedUnits }))).toEqual([
      { lineId: "a", kind: "over_provisioned", chargedUnits: "10" },
      { lineId: "b", kind: "under_provisioned", chargedUnits: "6" },
    ]);
  });
});

describe("report totals", () => {
  it("counts discrepancies and adds units up within each kind of unit only", () => {
    const totals = reportTotals([
      line("a", "10", "8"),
      line("b", "2.25", "2.25", { unit: "GB-months" }),
      line("c", "1.5", "2", { unit: "GB-months", comment: "Late provisioning" }),
    ]);
    expect(totals).toEqual({
      lines: 3,
      discrepancies: 2,
      uncommented: 1,
      overProvisioned: 1,
      byUnit: [
        { unit: "GB-months", provisionedUnits: "3.75", billableUnits: "4.25" },
        { unit: "license seats", provisionedUnits: "10", billableUnits: "8" },
      ],
    });
  });
});

describe("lines needing attention", () => {
  const lines = [
    line("fine", "1", "1", { product: "Antivirus" }),
    line("commented", "4", "3", { product: "Backup", comment: "Cancelled" }),
    line("under", "4", "5", { product: "Email" }),
    line("over", "4", "3", { product: "Zero trust" }),
  ];

  it("puts uncommented over-provisioning first, then other uncommented discrepancies, then commented ones, then the rest", () => {
    expect(linesByAttention(lines).map((item) => item.id)).toEqual(["over", "under", "commented", "fine"]);
  });

  it("pages a 500-line report in attention order, clamping pages that do not exist", () => {
    const many = Array.from({ length: 500 }, (_, index) => line(`l${String(index).padStart(3, "0")}`, "10", index % 50 === 0 ? "9" : "10"));
    const first = pageOfLines(many, 1, 40);
    expect(first.pages).toBe(13);
    expect(first.lines).toHaveLength(40);
    expect(first.lines.slice(0, 10).every((item) => needsComment(item))).toBe(true);
    expect(first.lines[10] && needsComment(first.lines[10])).toBe(false);
    expect(pageOfLines(many, 13, 40).lines).toHaveLength(20);
    expect(pageOfLines(many, 99, 40).page).toBe(13);
    expect(pageOfLines(many, 0, 40).page).toBe(1);
    expect(pageOfLines([], 1, 40)).toEqual({ lines: [], page: 1, pages: 1 });
  });

  it("refuses a page size that is not a positive whole number", () => {
    expect(() => pageOfLines(lines, 1, 0)).toThrow(RangeError);
  });
});
