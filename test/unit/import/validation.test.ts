// The whole file is validated before anything is written, and every problem names the record
// (section, position and id) and the field, so the operator can fix the export.
import { describe, expect, it } from "vitest";
import { describeProblem } from "../../../src/platform/import/problems";
import { IMPORT_FORMAT } from "../../support/tables";

const engagement = (overrides: Record<string, unknown> = {}) => ({
  externalId: "X-1",
  reference: "ENG-1",
  title: "Managed backup",
  clientName: "Fabrikam",
  productName: "Backup as a service",
  requestedAt: "2026-11-03T09:30:00+01:00",
  ...overrides,
});

const file = (overrides: Record<string, unknown> = {}) => ({
  version: 1,
  organisation: { tenantId: "tenant-1", name: "Northwind", timeZone: "Europe/Paris" },
  users: [{ aadObjectId: "aad-1", name: "Jana", role: "approver" }],
  engagements: [engagement()],
  ...overrides,
});

function problems(input: unknown): string[] {
  const parsed = IMPORT_FORMAT.parse(input);
  return parsed.ok ? [] : parsed.problems.map(describeProblem);
}

describe("validating an import file", () => {
  it("names every field holding a NUL or a lone surrogate, which no database stores as sent", () => {
    const input = file({ engagements: [engagement({ externalId: "X-\u0000", title: "Backup \ud800" })] });
    expect(problems(input)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^engagements\[0\].*\.externalId: contains a NUL character or a lone surrogate/),
        expect.stringMatching(/^engagements\[0\].*\.title: contains a NUL character or a lone surrogate/),
      ]),
    );
  });

  it("accepts a well-formed file, reading dates with their offset and the canonical time zone", () => {
    const parsed = IMPORT_FORMAT.parse(file({ organisation: { tenantId: "t", name: "N", timeZone: "europe/paris" } }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect((parsed.file.engagements as { requestedAt: Date }[])[0]?.requestedAt.toISOString()).toBe("2026-11-03T08:30:00.000Z");
    expect(parsed.file.organisation.timeZone).toBe("Europe/Paris");
  });

  it("names the engagement by position and externalId, and the field, for a date without offset", () => {
    const input = file({ engagements: [engagement(), engagement({ externalId: "X-17", reference: "ENG-2", requestedAt: "2026-11-03" })] });
    expect(problems(input)).toEqual([
      'engagements[1] (externalId "X-17").requestedAt: expected an ISO 8601 date-time with an offset, like 2026-11-03T09:30:00+01:00',
    ]);
  });

  it("reports every problem of the file at once, not only the first", () => {
    const input = file({
      organisation: { tenantId: "t", name: "N", timeZone: "Europe/Pariss" },
      users: [{ aadObjectId: "aad-1", name: "Jana", role: "boss" }],
      engagements: [engagement({ reference: "1042", title: "" })],
    });
    expect(problems(input)).toEqual([
      "organisation.timeZone: expected an IANA time zone, like Europe/Paris",
      'users[0] (aadObjectId "aad-1").role: expected "admin" or "approver" or "billing" or "viewer"',
      'engagements[0] (externalId "X-1").reference: expected a reference like "ENG-1042"',
      'engagements[0] (externalId "X-1").title: must not be empty',
    ]);
  });

  it("names a record by position alone when its id is missing", () => {
    const { externalId: _, ...withoutId } = engagement();
    expect(problems(file({ engagements: [withoutId] }))).toEqual(["engagements[0].externalId: is required"]);
  });

  it("refuses unknown fields, so a misspelt one is not silently dropped", () => {
    expect(problems(file({ engagements: [engagement({ descripton: "typo" })] }))).toEqual(['engagements[0] (externalId "X-1"): unknown field "descripton"']);
  });

  it("refuses a field of the wrong type, saying what was expected", () => {
    expect(problems(file({ engagements: [engagement({ clientName: 42 })] }))).toEqual([
      'engagements[0] (externalId "X-1").clientName: expected a string, got a number',
    ]);
  });

  it("refuses an externalId or a reference that appears twice in one file, naming both records", () => {
    const input = file({
      engagements: [engagement(), engagement({ reference: "ENG-2" }), engagement({ externalId: "X-3" })],
    });
    expect(problems(input)).toEqual([
      'engagements[1] (externalId "X-1").externalId: "X-1" is already used by engagements[0]',
      'engagements[2] (externalId "X-3").reference: "ENG-1" is already used by engagements[0]',
    ]);
  });

  it("refuses a user listed twice", () => {
    const user = { aadObjectId: "aad-1", name: "Jana", role: "admin" };
    expect(problems(file({ users: [user, user] }))).toEqual(['users[1] (aadObjectId "aad-1").aadObjectId: "aad-1" is already used by users[0]']);
  });

  it("requires the format version and the organisation, but no section", () => {
    expect(problems({ organisation: { tenantId: "t", name: "N", timeZone: "UTC" } })).toEqual(["version: expected 1"]);
    expect(problems({ version: 1 })).toEqual(["organisation: is required"]);
    expect(IMPORT_FORMAT.parse({ version: 1, organisation: { tenantId: "t", name: "N", timeZone: "UTC" } }).ok).toBe(true);
  });
});
