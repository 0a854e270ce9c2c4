// The platform knows no workflow (README, "How the code is laid out"): no file of src/platform/
// and no platform card template names a shipped workflow, one of its namespaces or its record
// references, not even in a comment; examples take the test-only tickets workflow. The import
// boundary (npm run lint:deps) keeps the imports out; this keeps the names out.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ROLES } from "../../../src/platform/domain/roles";
import { WORKFLOWS } from "../../../src/workflows/index";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** "usageReport", "usage-reports" -> a pattern that also reads "usage report" and "usage_reports". */
function wordsPattern(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[-_ ]/)
    .map((word) => word.toLowerCase());
  return `\\b${words.join("[-_ ]?")}`;
}

// A namespace that is also a role's name ("billing") names the role, which the platform owns.
const roles: readonly string[] = ROLES;
// Namespaces that are everyday words in the platform's own sense ("the usage line" of a
// script): named only as a dotted name ("usage.report.submitted").
const EVERYDAY_WORDS = ["usage"];
const namespacePattern = (namespace: string) => (EVERYDAY_WORDS.includes(namespace) ? `\\b${namespace}\\.[a-z]` : wordsPattern(namespace));
const terms = WORKFLOWS.flatMap((workflow) => [
  { workflow: workflow.name, term: workflow.name, pattern: wordsPattern(workflow.name) },
  ...workflow.namespaces
    .filter((namespace) => !roles.includes(namespace))
    .map((namespace) => ({ workflow: workflow.name, term: namespace, pattern: namespacePattern(namespace) })),
  ...(workflow.references ?? []).flatMap((reference) => [
    { workflow: workflow.name, term: reference.entity, pattern: `\\b${reference.entity}` },
    { workflow: workflow.name, term: `${reference.prefix}-`, pattern: `\\b${reference.prefix}[- ]?\\d` },
  ]),
]);

/** Words the platform owns although a workflow's namespace reads the same. */
const ALLOWED = [{ file: "src/platform/team/rules.ts", term: "approvals", why: "a word people type for the approver role" }];

function filesUnder(folder: string, endings: readonly string[]): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && endings.some((ending) => entry.name.endsWith(ending)))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const files = [...filesUnder("src/platform", [".ts"]), ...filesUnder("cards", [".json"])];

describe("the platform's code names no workflow", () => {
  it("has terms to look for from every shipped workflow", () => {
    expect(new Set(terms.map((entry) => entry.workflow))).toEqual(new Set(WORKFLOWS.map((workflow) => workflow.name)));
    expect(terms.map((entry) => entry.term)).toContain("engagement");
  });

  it.each(files)("%s", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const found = terms
      .filter(({ term, pattern }) => new RegExp(pattern, "i").test(text) && !ALLOWED.some((allowed) => allowed.file === file && allowed.term === term))
      .map(({ workflow, term }) => `${term} (${workflow})`);
    expect(found).toEqual([]);
  });
});
