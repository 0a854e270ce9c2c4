// Journey: a billing admin asks which usage reports are waiting, opens the demo's report in
// preparation (two uncommented discrepancies, submitting automatically in two days), is
// refused Submit while a discrepancy has no comment, comments both and submits it.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_ORGANISATION } from "../../src/platform/import/demo/seed-demo";
import { type OpenedDatabase, openDatabase } from "../../src/platform/store/db";
import { findOrganisationByTenant } from "../../src/platform/store/organisations";
import { useJourney } from "./support/journey";

/** Read-only look at the e2e database: the demo's report in preparation. */
let database: OpenedDatabase;
async function preparingReport() {
  const organisation = await findOrganisationByTenant(database.db, DEMO_ORGANISATION.tenantId);
  return database.db.usageReport.findFirst({
    where: { organisationId: organisation?.id ?? "", platformReportId: { startsWith: "LMP-R-DEMO-1-" } },
    include: { lines: { orderBy: { position: "asc" } } },
  });
}

describe("commenting a usage report's discrepancies and submitting it", () => {
  const journey = useJourney();
  beforeAll(() => {
    database = openDatabase(inject("e2e").databaseUrl, { poolSize: 1 });
  });
  afterAll(async () => database?.close());

  it("lists the reports waiting for us and opens the one in preparation", async () => {
    const reply = await journey.chat.say("which usage reports are waiting for us?");
    await journey.chat.waitForText(reply, "usage reports are waiting for you");
    expect(await reply.innerText()).toMatch(/Contoso MSP · .*: MSP preparing/);
    await reply.getByRole("button", { name: "Open", exact: true }).first().click();
    const card = journey.chat.card("Submits automatically in 2 days");
    const text = await journey.chat.waitForText(card, "2 without a comment");
    await journey.chat.screenshot("usage-1-report", [card]);
    expect(text).toContain("⚠ More units provisioned than chargeable");
  });

  it("refuses Submit while a discrepancy has no comment, then submits once both are commented", async () => {
    const card = journey.chat.card("Submits automatically in 2 days");
    await journey.chat.press(card, "Submit");
    const refused = journey.chat.card("need a comment before you submit");
    await journey.chat.waitForText(refused, "2 discrepancies need a comment");
    expect((await preparingReport())?.state).toBe("in_preparation");

    const comments = refused.getByRole("textbox", { name: /Comments/ });
    await comments.nth(0).fill("3 seats released on the 28th");
    await comments.nth(1).fill("Backup retention extended for the audit");
    await journey.chat.press(refused, "Submit");
    const submitted = journey.chat.card("Submitted for the distributor's review");
    const text = await journey.chat.waitForText(submitted, "Under review");
    await journey.chat.screenshot("usage-2-submitted", [submitted]);
    expect(text).toMatch(/Submitted by/);
    await expect(submitted.getByRole("button", { name: "Submit", exact: true }).count()).resolves.toBe(0);
    const stored = await preparingReport();
    expect(stored?.state).toBe("in_review");
    expect(stored?.lines.filter((line) => line.comment).map((line) => line.comment)).toEqual(
      expect.arrayContaining(["3 seats released on the 28th", "Backup retention extended for the audit"]),
    );
  });
});
