// The schema fragment and the domain name the same states: a value the domain can produce is
// one the database can hold.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RENEWAL_STATES } from "../../../../src/workflows/renewals/domain/line-items";

const schema = readFileSync(new URL("../../../../src/workflows/renewals/schema.prisma", import.meta.url), "utf8");

describe("the renewals schema fragment", () => {
  it("holds every state the domain names", () => {
    const body = /enum RenewalState \{([^}]*)\}/.exec(schema)?.[1] ?? "";
    expect(
      body
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    ).toEqual([...RENEWAL_STATES]);
  });

  it("is a fragment: no generator, no datasource, no back-relation on Organisation", () => {
    expect(schema).not.toMatch(/^\s*(generator|datasource)\s/m);
    expect(schema).not.toMatch(/model Organisation\b/);
  });
});
