// The import's billing sections on the database the vitest project names: vendor decisions are
// idempotent by decisionId, completion requests move approved engagements, and a record that
// cannot apply rolls the whole file back with a message naming it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBillingDraft } from "../../src/workflows/engagements/domain/billing-draft";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { runImport } from "../../src/platform/import/run-import";
import { findBillingEntry } from "../../src/workflows/engagements/store/billing";
import { submitBillingOnce } from "../../src/workflows/engagements/store/billing-submissions";
import { findEngagement, insertEngagement, listEngagementEvents } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation, setUserRole } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { IMPORT_FORMAT } from "../support/tables";

const now = new Date("2026-11-02T10:00:00Z");
const organisationInFile = { tenantId: "tenant-import-billing", name: "Northwind IT Services", timeZone: "UTC" };
let database: TestDatabase;
let organisationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  organisationId = (await ensureOrganisation(database.db, organisationInFile.tenantId, { timeZone: "UTC" })).id;
  await setUserRole(database.db, { organisationId, aadObjectId: "aad-approver", name: "Ana Approver", role: "approver" });
});

afterAll(async () => database?.destroy());

async function engagementIn(state: Engagement["state"], n: number): Promise<Engagement> {
  const engagement: Engagement = {
    id: `eng-i${n}`,
    organisationId,
    externalId: `PI-${n}`,
    reference: `ENG-${4000 + n}`,
    title: "Managed backup",
    clientName: "Fabrikam",
    productName: "Backup",
    requestedAt: now,
    state,
    version: 1,
  };
  await database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "i", name: "Import" }, now)] }),
  );
  return engagement;
}

async function submitted(engagement: Engagement) {
  const draft = checkBillingDraft(
    { quantity: "2", unit: "day", unitCost: "500", currency: "EUR", month: "2026-10" },
    { engagement, timeZone: "UTC", now, currencies: ["EUR"] },
  );
  if (!draft.ok) throw new Error("draft");
  const actor = { organisationId, aadObjectId: "aad-bea", name: "Bea", role: "billing" } as const;
  const outcome = await submitBillingOnce(database.db, {
    actor,
    engagementId: engagement.id,
    draft: draft.value,
    formNonce: `form-${engagement.id}`,
    timeZone: "UTC",
    now,
  });
  if (outcome.kind !== "created") throw new Error(outcome.kind);
  return outcome.entry;
}

const file = (sections: Record<string, unknown>) => ({ version: 1, organisation: organisationInFile, ...sections });

describe("importing vendor decisions", () => {
  it("applies a decision once: importing the same file again changes nothing", async () => {
    const entry = await submitted(await engagementIn("approved", 1));
    const decisions = [{ decisionId: "imp-1", submissionReference: entry.reference, outcome: "rated", ratedAmount: 990, decidedAt: "2026-11-02T10:01:00Z" }];
    const first = await runImport(IMPORT_FORMAT, database.db, file({ billingDecisions: decisions }), now);
    const second = await runImport(IMPORT_FORMAT, database.db, file({ billingDecisions: decisions }), now);
    expect(first.ok && first.summary.sections.billingDecisions).toMatchObject({ updated: 1, unchanged: 0 });
    expect(second.ok && second.summary.sections.billingDecisions).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await findBillingEntry(database.db, organisationId, entry.id)).toMatchObject({
      state: "rated",
      decision: { ratedAmount: "990.00", source: "import" },
    });
    expect(await database.db.outboxMessage.count({ where: { dedupeKey: `billing-decision:${entry.id}` } })).toBe(1);
  });

  it("rolls the whole file back when one decision names an unknown entry", async () => {
    const entry = await submitted(await engagementIn("approved", 2));
    const report = await runImport(
      IMPORT_FORMAT,
      database.db,
      file({
        billingDecisions: [
          { decisionId: "imp-2", billingEntryId: entry.id, outcome: "rated", decidedAt: "2026-11-02T10:01:00Z" },
          { decisionId: "imp-3", submissionReference: "ENG-4999-B1", outcome: "rated", decidedAt: "2026-11-02T10:01:00Z" },
        ],
      }),
      now,
    );
    expect(report.ok ? [] : report.problems).toEqual([
      { where: 'billingDecisions[1] (decisionId "imp-3")', message: "no such billing entry in this organisation" },
    ]);
    expect((await findBillingEntry(database.db, organisationId, entry.id))?.state).toBe("submitted");
  });

  it("refuses the file when a decision is dated in the future, naming the record and decidedAt", async () => {
    const entry = await submitted(await engagementIn("approved", 6));
    const decisions = [{ decisionId: "imp-future", billingEntryId: entry.id, outcome: "rated", decidedAt: "2026-11-02T10:10:00Z" }];
    const report = await runImport(IMPORT_FORMAT, database.db, file({ billingDecisions: decisions }), now);
    expect(report.ok ? [] : report.problems).toEqual([
      {
        where: 'billingDecisions[0] (decisionId "imp-future").decidedAt',
        message: "2026-11-02T10:10:00.000Z is in the future: the import's clock reads 2026-11-02T10:00:00.000Z and accepts at most 5 minutes ahead",
      },
    ]);
    expect((await findBillingEntry(database.db, organisationId, entry.id))?.state).toBe("submitted");
  });
});

describe("importing completion requests", () => {
  it("refuses the file when a request is dated in the future, naming the record and requestedAt", async () => {
    const engagement = await engagementIn("approved", 7);
    const report = await runImport(
      IMPORT_FORMAT,
      database.db,
      file({ completionRequests: [{ engagementExternalId: engagement.externalId, requestedAt: "2026-11-03T08:00:00Z" }] }),
      now,
    );
    expect(report.ok ? undefined : report.problems[0]?.where).toBe('completionRequests[0] (engagementExternalId "PI-7").requestedAt');
    expect((await findEngagement(database.db, organisationId, engagement.id))?.state).toBe("approved");
  });

  it("moves an approved engagement to completion_requested and tells the approvers, once", async () => {
    const engagement = await engagementIn("approved", 3);
    const requests = [{ engagementExternalId: engagement.externalId, requestedAt: "2026-11-01T08:00:00Z", requestedBy: "Jane" }];
    const first = await runImport(IMPORT_FORMAT, database.db, file({ completionRequests: requests }), now);
    const second = await runImport(IMPORT_FORMAT, database.db, file({ completionRequests: requests }), now);
    expect(first.ok && first.summary.sections.completionRequests).toMatchObject({ created: 1 });
    expect(second.ok && second.summary.sections.completionRequests).toMatchObject({ unchanged: 1 });
    expect((await findEngagement(database.db, organisationId, engagement.id))?.state).toBe("completion_requested");
    expect((await listEngagementEvents(database.db, organisationId, engagement.id)).map((e) => e.action)).toEqual(["created", "completion_requested"]);
    expect(await database.db.outboxMessage.count({ where: { kind: "billing.completion-request", recipient: "user:aad-approver" } })).toBe(1);
  });

  it("skips, with a note, a request for an engagement already completed", async () => {
    const engagement = await engagementIn("completed", 4);
    const report = await runImport(
      IMPORT_FORMAT,
      database.db,
      file({ completionRequests: [{ engagementExternalId: engagement.externalId, requestedAt: "2026-11-01T08:00:00Z" }] }),
      now,
    );
    expect(report.ok && report.summary.sections.completionRequests).toMatchObject({
      skipped: 1,
      notes: [expect.stringContaining("ENG-4004 is already completed")],
    });
  });

  it("refuses a request for an engagement that was never approved", async () => {
    const engagement = await engagementIn("pending", 5);
    const report = await runImport(
      IMPORT_FORMAT,
      database.db,
      file({ completionRequests: [{ engagementExternalId: engagement.externalId, requestedAt: "2026-11-01T08:00:00Z" }] }),
      now,
    );
    expect(report.ok ? "" : report.problems[0]?.message).toMatch(/ENG-4005 is pending: only an approved engagement can be asked to complete/);
  });
});
