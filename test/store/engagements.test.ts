// The conditional update that makes one decision out of many concurrent clicks, on the
// database the vitest project names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideEngagement, type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import type { Actor } from "../../src/platform/domain/roles";
import { findEngagement, insertEngagement, listEngagementEvents, saveTransition } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let engagement: Engagement;

beforeAll(async () => {
  database = await createTestDatabase();
  const organisation = await ensureOrganisation(database.db, "tenant-race", { timeZone: "UTC" });
  const requestedAt = new Date("2026-11-01T09:00:00Z");
  engagement = {
    id: "eng-race",
    organisationId: organisation.id,
    externalId: "ext-1042",
    reference: "ENG-1042",
    title: "Managed backup",
    clientName: "Contoso",
    productName: "Backup as a service",
    requestedAt,
    state: "pending",
    version: 1,
  };
  await database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Import" }, requestedAt)] }),
  );
});

afterAll(async () => database?.destroy());

describe("saving an engagement decision", () => {
  it("lets exactly one of 20 concurrent approvers win, with one history entry", async () => {
    const approvers: Actor[] = Array.from({ length: 20 }, (_, i) => ({
      organisationId: engagement.organisationId,
      aadObjectId: `aad-${i}`,
      name: `Approver ${i}`,
      role: "approver",
    }));
    const outcomes = await Promise.all(
      approvers.map(async (actor) => {
        const current = await findEngagement(database.db, engagement.organisationId, engagement.id);
        if (!current) throw new Error("engagement vanished");
        const decision = decideEngagement(current, { kind: "approve" }, actor, new Date());
        return decision.ok ? saveTransition(database.db, current, decision.value) : "refused";
      }),
    );
    expect(outcomes.filter((o) => o === "saved")).toHaveLength(1);
    const events = await listEngagementEvents(database.db, engagement.organisationId, engagement.id);
    expect(events.map((e) => e.action)).toEqual(["created", "approved"]);
    const stored = await findEngagement(database.db, engagement.organisationId, engagement.id);
    expect(stored?.state).toBe("approved");
    expect(stored?.version).toBe(2);
  });
});
