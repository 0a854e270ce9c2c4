// Decide once on a real database: of 20 deciders racing on one engagement one decides and one
// audit entry is written, a race lost between read and write is retried from a fresh read, and
// a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accept } from "../../../../src/platform/domain/result";
import type { Actor } from "../../../../src/platform/domain/roles";
import { listAudit } from "../../../../src/platform/store/audit";
import { decideOnce } from "../../../../src/platform/store/decide-once";
import { ensureOrganisation } from "../../../../src/platform/store/organisations";
import { eventFor } from "../../../../src/workflows/engagements/domain/engagements";
import { decideEngagementOnce, engagementSteps } from "../../../../src/workflows/engagements/store/engagement-decisions";
import { ENGAGEMENT_RECORD_KIND, findEngagement } from "../../../../src/workflows/engagements/store/engagements";
import { createTwoInstanceDatabase, type TwoInstanceDatabase } from "../../../support/database";
import { engagementRequest, insertImported } from "../../../support/fixtures";

let database: TwoInstanceDatabase;
let organisationId: string;
const now = new Date("2026-11-24T10:00:00Z");
const approver = (i: number): Actor => ({ organisationId, aadObjectId: `aad-approver-${i}`, name: `Approver ${i}`, role: "approver" });
const history = async (id: string) => (await listAudit(database.database.db, organisationId, ENGAGEMENT_RECORD_KIND, id)).map((entry) => entry.action);

beforeAll(async () => {
  database = await createTwoInstanceDatabase();
  organisationId = (await ensureOrganisation(database.database.db, "tenant-decide-once", { timeZone: "UTC" })).id;
});

afterAll(async () => database?.destroy());

describe("deciding an engagement once", () => {
  it("lets one of 20 concurrent deciders, on two instances, decide, with one audit entry", async () => {
    const engagement = await insertImported(database.database.db, engagementRequest(organisationId, "ENG-6001"));
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        decideEngagementOnce(database.clients[i % 2]!, approver(i), engagement.id, i % 2 ? { kind: "reject", reason: "duplicate" } : { kind: "approve" }, now),
      ),
    );
    expect(outcomes.filter((o) => o.outcome === "decided")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "refused" && o.refusal.code === "already_decided")).toHaveLength(19);
    expect(await history(engagement.id)).toHaveLength(2);
    expect((await findEngagement(database.database.db, organisationId, engagement.id))?.version).toBe(2);
  });

  it("retries a race lost between its read and its write, from a fresh read", async () => {
    const engagement = await insertImported(database.database.db, engagementRequest(organisationId, "ENG-6002"));
    // Another approver decides after this decider's first read.
    const decided = await decideEngagementOnce(database.database.db, approver(1), engagement.id, { kind: "approve" }, now);
    expect(decided.outcome).toBe("decided");
    let loads = 0;
    const retitle = engagementSteps(
      async (tx) => (++loads === 1 ? engagement : findEngagement(tx, organisationId, engagement.id)),
      (current) => {
        const next = { ...current, title: "Managed firewall, two sites", version: current.version + 1 };
        return accept({ engagement: next, events: [eventFor(next, "updated", approver(2), now)] });
      },
    );
    const outcome = await decideOnce(database.database.db, retitle);
    expect(loads).toBe(2);
    expect(outcome).toMatchObject({ outcome: "decided", record: { version: 3, state: "approved", title: "Managed firewall, two sites" } });
    expect(await history(engagement.id)).toEqual(["created", "approved", "updated"]);
  });

  it("writes nothing when the domain refuses", async () => {
    const engagement = await insertImported(database.database.db, engagementRequest(organisationId, "ENG-6003"));
    const viewer: Actor = { ...approver(3), role: "viewer" };
    const outcome = await decideEngagementOnce(database.database.db, viewer, engagement.id, { kind: "approve" }, now);
    expect(outcome).toMatchObject({ outcome: "refused", refusal: { code: "not_permitted" }, record: { id: engagement.id } });
    expect(await history(engagement.id)).toEqual(["created"]);
    expect(await findEngagement(database.database.db, organisationId, engagement.id)).toEqual(engagement);
  });
});
