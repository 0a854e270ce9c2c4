// Renewal line items on a real database: the report imported whole or not at all and again
// without change, a newer report updating the facts, the due list along its index, and a line
// item marked once when 20 people on two instances click at the same moment.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../../src/platform/domain/roles";
import { importFileOf } from "../../../../src/platform/import/file-reader";
import { importFormat } from "../../../../src/platform/import/import-file";
import { runImport } from "../../../../src/platform/import/run-import";
import { listAudit } from "../../../../src/platform/store/audit";
import { ensureOrganisation, type Organisation, setUserRole } from "../../../../src/platform/store/organisations";
import { platformTables } from "../../../../src/app";
import { RENEWAL_SECTION } from "../../../../src/workflows/renewals/import/line-items";
import { readReportFile, readReportText } from "../../../../src/workflows/renewals/import/report-file";
import { findLineItemByKey, listOpenLineItemsEnding, RENEWAL_RECORD_KIND } from "../../../../src/workflows/renewals/store/line-items";
import { workRenewalOnce } from "../../../../src/workflows/renewals/store/renewal-outcomes";
import { createTwoInstanceDatabase, type TwoInstanceDatabase } from "../../../support/database";

let database: TwoInstanceDatabase;
let organisation: Organisation;
const now = new Date("2026-12-01T03:00:00Z");
const format = importFormat(platformTables().importSections);
const sample = readFileSync(new URL("../../../../examples/renewals-180-days.csv", import.meta.url));
const billing = (i: number): Actor => ({ organisationId: organisation.id, aadObjectId: `aad-billing-${i}`, name: `Billing ${i}`, role: "billing" });

async function importText(text: string | Buffer, org = organisation) {
  const reading = typeof text === "string" ? readReportText(text) : readReportFile(text);
  if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
  return runImport(format, database.database.db, importFileOf(org, { [RENEWAL_SECTION]: reading.items }), now);
}

const sectionOf = (report: Awaited<ReturnType<typeof importText>>) => (report.ok ? report.summary.sections[RENEWAL_SECTION] : report.problems);

beforeAll(async () => {
  database = await createTwoInstanceDatabase();
  organisation = await ensureOrganisation(database.database.db, "tenant-renewals-store", { name: "Contoso Partners", timeZone: "Asia/Jakarta" });
  await setUserRole(database.database.db, { organisationId: organisation.id, aadObjectId: "aad-lea", name: "Lea Hoffmann", role: "billing" });
});

afterAll(async () => database?.destroy());

describe("importing the renewal report", () => {
  it("creates every line item of the sample, then changes nothing when the same report comes again", async () => {
    expect(sectionOf(await importText(sample))).toMatchObject({ created: 5, updated: 0, unchanged: 0 });
    expect(sectionOf(await importText(sample))).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    const first = await findLineItemByKey(database.database.db, organisation.id, "0000123456", "001");
    expect(first).toMatchObject({ state: "open", amount: "12500.00", ownerUserId: "aad-lea", version: 0 });
    expect(await findLineItemByKey(database.database.db, organisation.id, "0000123456", "002")).toMatchObject({ state: "quoted", quoteNumber: "Q-2026-0042" });
    const history = await listAudit(database.database.db, organisation.id, RENEWAL_RECORD_KIND, first?.id ?? "");
    expect(history.map((entry) => [entry.action, entry.actorName, entry.recordVersion])).toEqual([["imported", "vendor report", 0]]);
  });

  it("updates the facts and marks quoted from a newer report, with one history entry per version", async () => {
    const header = "Agreement number,Line item,Site name,Customer name,End date,Value,Currency,Quote number";
    await importText(`${header}\n7000001,001,Depok,PT Nusantara,2027-02-01,100.00,USD,\n`);
    expect(sectionOf(await importText(`${header}\n7000001,001,Depok,PT Nusantara,2027-02-15,120.00,USD,Q-77\n`))).toMatchObject({ updated: 1 });
    const item = await findLineItemByKey(database.database.db, organisation.id, "7000001", "001");
    expect(item).toMatchObject({ endDate: "2027-02-15", amount: "120.00", state: "quoted", quoteNumber: "Q-77", version: 2 });
    const history = await listAudit(database.database.db, organisation.id, RENEWAL_RECORD_KIND, item?.id ?? "");
    expect(history.map((entry) => [entry.action, entry.recordVersion])).toEqual([
      ["imported", 0],
      ["updated_from_report", 1],
      ["quoted", 2],
    ]);
  });

  it("saves nothing of a file whose line item repeats, even one the rows alone would take", async () => {
    const record = { agreementNumber: "7100001", lineItem: "001", siteName: "S", customerName: "C", endDate: "2027-01-10", amount: "1.00", currency: "USD" };
    const report = await runImport(
      format,
      database.database.db,
      importFileOf(organisation, { [RENEWAL_SECTION]: [record, { ...record, lineItem: "002" }, record] }),
      now,
    );
    expect(report).toMatchObject({ ok: false, problems: [{ where: 'renewalLineItems[2] (lineItem "001")' }] });
    expect(await findLineItemByKey(database.database.db, organisation.id, "7100001", "002")).toBeUndefined();
  });

  it("lists the open and quoted line items ending within a window, soonest first", async () => {
    const items = await listOpenLineItemsEnding(database.database.db, organisation.id, "2026-12-01", 90);
    expect(items.map((item) => item.endDate)).toEqual(["2027-02-15", "2027-02-15"]);
  });
});

describe("marking a renewal once", () => {
  it("lets one of 20 concurrent clicks on two instances mark it renewed, with one history entry and one event", async () => {
    const item = await findLineItemByKey(database.database.db, organisation.id, "0000123457", "001");
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        workRenewalOnce(
          database.clients[i % 2] ?? database.database.db,
          billing(i),
          item?.id ?? "",
          i % 2 ? { kind: "lose", reason: "customer moved to a competitor" } : { kind: "renew" },
          now,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.outcome === "decided")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === "decided" || outcome.outcome === "unchanged" || outcome.outcome === "refused")).toHaveLength(20);
    const history = await listAudit(database.database.db, organisation.id, RENEWAL_RECORD_KIND, item?.id ?? "");
    expect(history.map((entry) => entry.action).filter((action) => action !== "imported")).toHaveLength(1);
    const events = await database.database.db.organisationEvent.findMany({
      where: { organisationId: organisation.id, type: { in: ["renewal.renewed", "renewal.lost"] } },
    });
    expect(events).toHaveLength(1);
  });

  it("refuses a viewer and writes nothing", async () => {
    const item = await findLineItemByKey(database.database.db, organisation.id, "0000223344", "001");
    const viewer: Actor = { organisationId: organisation.id, aadObjectId: "aad-viewer", name: "Vic", role: "viewer" };
    const outcome = await workRenewalOnce(database.database.db, viewer, item?.id ?? "", { kind: "quote", quoteNumber: "Q-1" }, now);
    expect(outcome).toMatchObject({ outcome: "refused", refusal: { code: "not_permitted" } });
    expect(await findLineItemByKey(database.database.db, organisation.id, "0000223344", "001")).toMatchObject({ state: "open", version: 0 });
  });

  it("finds no line item of another organisation", async () => {
    const item = await findLineItemByKey(database.database.db, organisation.id, "0000223344", "001");
    const other = await ensureOrganisation(database.database.db, "tenant-renewals-other", { timeZone: "UTC" });
    const stranger: Actor = { organisationId: other.id, aadObjectId: "aad-stranger", name: "Stranger", role: "admin" };
    expect(await workRenewalOnce(database.database.db, stranger, item?.id ?? "", { kind: "renew" }, now)).toEqual({ outcome: "not_found" });
  });
});
