// One organisation's failure stays its own: a deadline source that throws for it, or a digest
// that cannot be composed for it, is logged with its id, and every other organisation still
// gets its reminders in the same run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ComposeMessages, ReminderLogger } from "../../src/platform/reminders/deliverer";
import type { DeadlineSource } from "../../src/platform/reminders/due-item";
import { runReminderCycle } from "../../src/platform/reminders/scheduler";
import { defaultReminderSettings } from "../../src/platform/reminders/settings";
import { pendingApprovalSource } from "../../src/workflows/engagements/deadlines/pending-approval";
import type { Organisation } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type FakeConnector, fakeConnector, listKeys, organisationNamed, pendingEngagement, reachableUser } from "./reminder-fixtures";

let database: TestDatabase;
let broken: Organisation;
let healthy: Organisation;
let connector: FakeConnector;
let logged: { details: Record<string, unknown>; message: string }[];
const now = new Date("2026-11-25T10:00:00Z");

const logger: ReminderLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: (details, message) => void logged.push({ details: details as Record<string, unknown>, message }),
};

/** The pending-approval source, failing for the broken organisation as a source with bad data would. */
const throwingForBroken: DeadlineSource = {
  kind: pendingApprovalSource.kind,
  due: async (db, organisation, at, settings) => {
    if (organisation.id === broken.id) throw new Error("corrupt record in the broken organisation");
    return pendingApprovalSource.due(db, organisation, at, settings);
  },
};

function cycle(sources: readonly DeadlineSource[], compose: ComposeMessages = listKeys) {
  return runReminderCycle({
    db: database.db,
    owner: "isolation",
    clock: () => now,
    settings: defaultReminderSettings({ quietHours: undefined }),
    compose,
    sender: { send: connector.send, sleep: async () => undefined },
    logger,
    sources,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  broken = await organisationNamed(database.db, "tenant-broken", "Europe/Paris");
  healthy = await organisationNamed(database.db, "tenant-healthy", "Europe/Paris");
  await reachableUser(database.db, broken, "aad-broken-approver", "approver");
  await reachableUser(database.db, healthy, "aad-healthy-approver", "approver");
  await pendingEngagement(database.db, broken, "ENG-1", new Date("2026-11-20T09:00:00Z"));
  await pendingEngagement(database.db, healthy, "ENG-2", new Date("2026-11-20T09:00:00Z"));
});

beforeEach(async () => {
  connector = fakeConnector();
  logged = [];
  await database.db.outboxMessage.deleteMany({});
});

afterAll(async () => database?.destroy());

describe("one failing organisation", () => {
  it("does not stop the other organisations' planning and delivery when a source throws for it", async () => {
    const report = await cycle([throwingForBroken]);
    expect(report.failed).toEqual([{ organisationId: broken.id, error: "corrupt record in the broken organisation" }]);
    expect(report.planned.map((p) => p.organisationId)).toEqual([healthy.id]);
    expect(connector.sent.map((s) => s.conversationId)).toEqual(["a:personal-aad-healthy-approver"]);
    expect(logged).toEqual([expect.objectContaining({ details: expect.objectContaining({ organisationId: broken.id }) })]);
  });

  it("does not stop the other recipients' digests when composing the digest fails for it", async () => {
    const composeFailingForBroken: ComposeMessages = (audience, rows, now) => {
      if (audience.organisation.id === broken.id) throw new Error("unreadable payload");
      return listKeys(audience, rows, now);
    };
    const report = await cycle([pendingApprovalSource], composeFailingForBroken);
    expect(report.delivery).toMatchObject({ messagesSent: 1, rowsSent: 1, rowsFailed: 1 });
    expect(connector.sent.map((s) => s.conversationId)).toEqual(["a:personal-aad-healthy-approver"]);
    expect(logged).toEqual([expect.objectContaining({ details: expect.objectContaining({ organisationId: broken.id }) })]);
    const held = await database.db.outboxMessage.findFirstOrThrow({ where: { organisationId: broken.id } });
    expect(held).toMatchObject({ state: "failed", lastError: "unreadable payload", leaseOwner: null });
    expect(held.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
  });
});
