// The schema fragment says what the domain says: the same states, submission kinds and decision
// outcomes, and uniques that make idempotency and "one report per account and cycle" hold.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { USAGE_REPORT_STATES } from "../../../../src/workflows/usage-reports/domain/report";

const schema = readFileSync(new URL("../../../../src/workflows/usage-reports/schema.prisma", import.meta.url), "utf8");

function block(kind: "enum" | "model", name: string): string[] {
  const match = new RegExp(`^${kind} ${name} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(schema);
  if (!match?.[1]) throw new Error(`no ${kind} ${name}`);
  return match[1]
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//"));
}

describe("the usage-report schema fragment", () => {
  it("is a fragment: models and enums only", () => {
    expect(schema).not.toMatch(/^\s*(generator|datasource)\s/m);
  });

  it("stores the domain's states, submission kinds and decision outcomes as enums", () => {
    expect(block("enum", "UsageReportState")).toEqual([...USAGE_REPORT_STATES]);
    expect(block("enum", "UsageReportSubmissionKind")).toEqual(["manual", "automatic"]);
    expect(block("enum", "UsageReportDecisionOutcome")).toEqual(["approved", "rejected"]);
  });

  it("keeps one report per account and cycle, idempotent by the platform's id, and each decision once", () => {
    expect(block("model", "UsageReport")).toEqual(expect.arrayContaining(["@@unique([organisationId, platformReportId])", "@@unique([accountId, cycle])"]));
    expect(block("model", "UsageReportLine")).toContain("@@unique([reportId, lineId])");
    expect(block("model", "UsageReportDecision")).toContain("@@unique([organisationId, decisionId])");
  });

  it("guards concurrent decisions on a report with a version starting at 0", () => {
    expect(block("model", "UsageReport").some((line) => /^version\s+Int\s+@default\(0\)$/.test(line))).toBe(true);
  });
});
