// The vendor's site list through the import (idempotent by site number and person, a bad record
// naming itself and saving nothing), and the reminder of requests waiting past the
// organisation's number of days, to the site's deciders, with the setting an admin changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../../src/platform/domain/roles";
import { runImport } from "../../../../src/platform/import/run-import";
import { listAudit } from "../../../../src/platform/store/audit";
import { type Organisation, ensureOrganisation, setUserRole } from "../../../../src/platform/store/organisations";
import { pendingRequestSource } from "../../../../src/workflows/site-access/deadlines/pending-requests";
import { createAccessRequest } from "../../../../src/workflows/site-access/store/access-requests";
import { SITE_RECORD_KIND } from "../../../../src/workflows/site-access/store/records";
import { setPendingSlaDays } from "../../../../src/workflows/site-access/store/settings";
import { findSiteByNumber, listSiteMembers } from "../../../../src/workflows/site-access/store/sites";
import { createTestDatabase, type TestDatabase } from "../../../support/database";
import { IMPORT_FORMAT } from "../../../support/tables";

let database: TestDatabase;
let organisation: Organisation;
const now = new Date("2026-11-25T10:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const file = (sections: object) => ({
  version: 1,
  organisation: { tenantId: "tenant-sites", name: "Contoso Partners", timeZone: "Asia/Jakarta" },
  ...sections,
});

const sites = {
  resellerSites: [
    { siteNumber: "1234567", name: "Contoso Reseller", primaryContact: { aadObjectId: "aad-pia", name: "Pia" } },
    { siteNumber: "7654321", name: "Fabrikam Reseller" },
  ],
  siteContacts: [
    { siteNumber: "1234567", aadObjectId: "aad-sam", name: "Sam", role: "secondary_contact", mayApprove: true, entitlements: ["reporting"] },
    { siteNumber: "1234567", aadObjectId: "aad-uma", name: "Uma", entitlements: ["reporting", "online_ordering"] },
  ],
};

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await ensureOrganisation(database.db, "tenant-sites", { timeZone: "Asia/Jakarta" });
  for (const [aadObjectId, name, role] of [
    ["aad-pia", "Pia", "approver"],
    ["aad-sam", "Sam", "approver"],
    ["aad-ada", "Ada", "admin"],
    ["aad-rex", "Rex", "viewer"],
  ] as const) {
    await setUserRole(database.db, { organisationId: organisation.id, aadObjectId, name, role });
  }
});

afterAll(async () => database?.destroy());

describe("the vendor's site list in the import", () => {
  it("creates sites and their contacts, and the same file again changes nothing", async () => {
    const first = await runImport(IMPORT_FORMAT, database.db, file(sites), now);
    expect(first.ok).toBe(true);
    const again = await runImport(IMPORT_FORMAT, database.db, file(sites), now);
    expect(again.ok).toBe(true);
    const site = await findSiteByNumber(database.db, organisation.id, "1234567");
    expect(site?.primaryContact).toEqual({ userId: "aad-pia", name: "Pia" });
    const members = await listSiteMembers(database.db, site!);
    expect(members.map((m) => [m.name, m.role, m.mayApprove, m.entitlements])).toEqual([
      ["Sam", "secondary_contact", true, ["reporting"]],
      ["Uma", "user", false, ["reporting", "online_ordering"]],
    ]);
    expect((await listAudit(database.db, organisation.id, SITE_RECORD_KIND, site!.id)).map((e) => e.action)).toEqual(["site_added"]);
  });

  it("refuses a file with a bad site number, naming the record, and saves none of it", async () => {
    const report = await runImport(
      IMPORT_FORMAT,
      database.db,
      file({
        resellerSites: [
          { siteNumber: "5550001", name: "New Reseller" },
          { siteNumber: "12", name: "Typo" },
        ],
      }),
      now,
    );
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toContain("resellerSites[1]");
    expect(await findSiteByNumber(database.db, organisation.id, "5550001")).toBeUndefined();
  });
});

describe("reminding the deciders of a waiting request", () => {
  const rex: Actor = { organisationId: "", aadObjectId: "aad-rex", name: "Rex", role: "viewer" };
  const ada = (): Actor => ({ organisationId: organisation.id, aadObjectId: "aad-ada", name: "Ada", role: "admin" });

  it("is due to the Primary Contact and the approving Secondary Contact once the request has waited the organisation's days", async () => {
    const made = await createAccessRequest(
      database.db,
      { ...rex, organisationId: organisation.id },
      { siteNumber: "1234567", claimsPrimaryContact: false, requestKey: "k-1" },
      now,
    );
    expect(made.outcome).toBe("created");
    expect(await pendingRequestSource.due(database.db, organisation, days(2), {} as never)).toEqual([]);
    const [due] = await pendingRequestSource.due(database.db, organisation, days(3), {} as never);
    expect(due?.recipients).toEqual({ aadObjectIds: ["aad-pia", "aad-sam"] });
    expect(due?.fix).toMatchObject({ verb: "siteAccess.openRequest" });
  });

  it("follows the number of days an admin sets, and refuses it from anyone else or out of bounds", async () => {
    expect(await setPendingSlaDays(database.db, { ...rex, organisationId: organisation.id }, "5", now)).toMatchObject({
      ok: false,
      refusal: { code: "not_permitted" },
    });
    expect(await setPendingSlaDays(database.db, ada(), "45", now)).toMatchObject({ ok: false, refusal: { code: "sla_days_invalid" } });
    expect(await setPendingSlaDays(database.db, ada(), "5", now)).toEqual({ ok: true, value: 5 });
    expect(await pendingRequestSource.due(database.db, organisation, days(3), {} as never)).toEqual([]);
    expect(await pendingRequestSource.due(database.db, organisation, days(5), {} as never)).toHaveLength(1);
  });
});
