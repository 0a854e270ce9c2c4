// The schema fragment and the domain name the same states and roles: a value the domain can
// produce is one the database can hold.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACCESS_REQUEST_STATES } from "../../../../src/workflows/site-access/domain/access-requests";
import { SITE_ROLES } from "../../../../src/workflows/site-access/domain/entitlements";
import { SITE_USER_STATES } from "../../../../src/workflows/site-access/domain/sites";

const schema = readFileSync(new URL("../../../../src/workflows/site-access/schema.prisma", import.meta.url), "utf8");

function enumValues(name: string): string[] {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1] ?? "";
  return body
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

describe("the site access schema fragment", () => {
  it("holds every state and site role the domain names", () => {
    expect(enumValues("SiteAccessRequestState")).toEqual([...ACCESS_REQUEST_STATES]);
    expect(enumValues("SiteRole")).toEqual([...SITE_ROLES]);
    expect(enumValues("SiteUserState")).toEqual([...SITE_USER_STATES]);
  });

  it("is a fragment: no generator, no datasource, no back-relation on Organisation", () => {
    expect(schema).not.toMatch(/^\s*(generator|datasource)\s/m);
    expect(schema).not.toMatch(/model Organisation\b/);
  });
});
