// Completion requests and decisions saved through the engagement's conditional update.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import type { Actor } from "../../src/platform/domain/roles";
import { decideCompletionOnce, recordCompletionRequest } from "../../src/workflows/engagements/store/engagement-completion";
import { findEngagement, insertEngagement, listEngagementEvents } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";

const now = new Date("2026-11-20T10:00:00Z");
let database: TestDatabase;
let organisationId: string;
let count = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  organisationId = (await ensureOrganisation(database.db, "tenant-completion", { timeZone: "UTC" })).id;
});

afterAll(async () => database?.destroy());

async function approvedEngagement(): Promise<Engagement> {
  count += 1;
  const engagement: Engagement = {
    id: `eng-c${count}`,
    organisationId,
    externalId: `ext-c${count}`,
    reference: `ENG-${2000 + count}`,
    title: "Managed firewall",
    clientName: "Fabrikam",
    productName: "Firewall",
    requestedAt: new Date("2026-09-01T09:00:00Z"),
    state: "approved",
    version: 1,
  };
  await database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "approved", { aadObjectId: "aad-bo", name: "Bo" }, now)] }),
  );
  return engagement;
}

const approver = (i = 0): Actor => ({ organisationId, aadObjectId: `aad-approver-${i}`, name: `Approver ${i}`, role: "approver" });

async function actions(engagement: Engagement): Promise<string[]> {
  return (await listEngagementEvents(database.db, organisationId, engagement.id)).map((e) => e.action);
}

describe("completion requests", () => {
  it("records an imported request once, however often the import runs", async () => {
    const engagement = await approvedEngagement();
    const first = await recordCompletionRequest(
      database.db,
      organisationId,
      { externalId: engagement.externalId },
      { requestedAt: now, requestedBy: "Jane" },
      now,
    );
    const again = await recordCompletionRequest(
      database.db,
      organisationId,
      { externalId: engagement.externalId },
      { requestedAt: now, requestedBy: "Jane" },
      now,
    );
    expect(first).toMatchObject({ outcome: "decided", record: { state: "completion_requested" } });
    expect(again.outcome).toBe("unchanged");
    expect(await actions(engagement)).toEqual(["approved", "completion_requested"]);
  });

  it("answers not_found for an engagement the organisation does not have", async () => {
    expect(await recordCompletionRequest(database.db, organisationId, { reference: "ENG-404" }, { requestedAt: now }, now)).toEqual({ outcome: "not_found" });
  });
});

describe("deciding a completion request", () => {
  it("lets exactly one of 10 approvers racing to approve or reject win, with one history line", async () => {
    const engagement = await approvedEngagement();
    await recordCompletionRequest(database.db, organisationId, { engagementId: engagement.id }, { requestedAt: now }, now);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        decideCompletionOnce(database.db, approver(i), engagement.id, i % 2 === 0 ? { kind: "approve" } : { kind: "reject", reason: "still in use" }, now),
      ),
    );
    expect(outcomes.filter((o) => o.outcome === "decided")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "refused" && o.refusal.code === "already_decided")).toHaveLength(9);
    const history = await actions(engagement);
    expect(history.slice(0, 2)).toEqual(["approved", "completion_requested"]);
    expect(history).toHaveLength(3);
  });

  it("stores when the engagement was completed, which decides its last billable month", async () => {
    const engagement = await approvedEngagement();
    await recordCompletionRequest(database.db, organisationId, { engagementId: engagement.id }, { requestedAt: now }, now);
    const completedAt = new Date(now.getTime() + 60_000);
    expect(await decideCompletionOnce(database.db, approver(), engagement.id, { kind: "approve" }, completedAt)).toMatchObject({ outcome: "decided" });
    expect(await findEngagement(database.db, organisationId, engagement.id)).toMatchObject({ state: "completed", completedAt });
  });

  it("retires an engagement whose completion is rejected, keeping the record and its history", async () => {
    const engagement = await approvedEngagement();
    await recordCompletionRequest(database.db, organisationId, { engagementId: engagement.id }, { requestedAt: now }, now);
    const outcome = await decideCompletionOnce(database.db, approver(), engagement.id, { kind: "reject", reason: "client changed their mind" }, now);
    expect(outcome).toMatchObject({ outcome: "decided", record: { state: "retired" } });
    expect((await findEngagement(database.db, organisationId, engagement.id))?.state).toBe("retired");
    expect(await actions(engagement)).toEqual(["approved", "completion_requested", "completion_rejected"]);
  });

  it("refuses a billing user, saving nothing", async () => {
    const engagement = await approvedEngagement();
    await recordCompletionRequest(database.db, organisationId, { engagementId: engagement.id }, { requestedAt: now }, now);
    const billing: Actor = { ...approver(), role: "billing" };
    expect(await decideCompletionOnce(database.db, billing, engagement.id, { kind: "approve" }, now)).toMatchObject({
      outcome: "refused",
      refusal: { code: "not_permitted" },
    });
    expect((await findEngagement(database.db, organisationId, engagement.id))?.state).toBe("completion_requested");
  });
});
