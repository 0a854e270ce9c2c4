// The billing example in examples/ (quoted in the README) is a file the import accepts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IMPORT_FORMAT } from "../../support/tables";

const example = JSON.parse(readFileSync(new URL("../../../examples/billing-decisions.json", import.meta.url), "utf8"));

describe("the billing import example", () => {
  it("is a valid import file with vendor decisions and a completion request", () => {
    const parsed = IMPORT_FORMAT.parse(example);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(parsed.ok && (parsed.file.billingDecisions as { outcome: string }[] | undefined)?.map((d) => d.outcome)).toEqual(["rated", "rejected"]);
  });

  it("refuses a decision that names its entry twice, or not at all", () => {
    const [decision] = example.billingDecisions;
    const both = IMPORT_FORMAT.parse({ ...example, billingDecisions: [{ ...decision, billingEntryId: "cm3entry" }] });
    const neither = IMPORT_FORMAT.parse({ ...example, billingDecisions: [{ ...decision, submissionReference: undefined }] });
    for (const parsed of [both, neither]) {
      expect(parsed.ok ? [] : parsed.problems.map((p) => p.message)).toEqual(["give exactly one of billingEntryId and submissionReference"]);
    }
  });
});
