// Delivering the outbox: one digest per recipient, retries as Teams asks, dead conversations
// marked, and a fake clock driving the scheduler through its cron ticks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDue, type DeliveryDeps } from "../../src/platform/reminders/deliverer";
import { ReminderScheduler } from "../../src/platform/reminders/scheduler";
import { defaultReminderSettings } from "../../src/platform/reminders/settings";
import { pendingApprovalSource } from "../../src/workflows/engagements/deadlines/pending-approval";
import { findPersonalConversation } from "../../src/platform/store/conversation-references";
import type { Organisation } from "../../src/platform/store/organisations";
import { insertOutboxMessage } from "../../src/platform/store/outbox";
import { muteReminders, snoozeReminders } from "../../src/platform/store/reminder-preferences";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { connectorError, type FakeConnector, fakeConnector, listKeys, organisationNamed, pendingEngagement, reachableUser } from "./reminder-fixtures";

let database: TestDatabase;
let organisation: Organisation;
let connector: FakeConnector;
let now: Date;
const settings = defaultReminderSettings({ quietHours: undefined });

function deps(overrides: Partial<DeliveryDeps> = {}): DeliveryDeps {
  return {
    db: database.db,
    owner: "test",
    clock: () => now,
    settings,
    compose: listKeys,
    sender: { send: connector.send, sleep: async () => undefined, random: () => 0.5 },
    ...overrides,
  };
}

async function enqueue(key: string, aadObjectId: string, kind = "engagement.pending-approval") {
  await insertOutboxMessage(database.db, {
    organisationId: organisation.id,
    dedupeKey: key,
    kind,
    recipient: { type: "user", aadObjectId },
    deadlineKey: key,
    threshold: "sla",
    notBefore: now,
    payload: {},
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await organisationNamed(database.db, "tenant-deliver", "Europe/Paris");
  for (const name of ["aad-a", "aad-b", "aad-c"]) await reachableUser(database.db, organisation, name, "approver");
});

beforeEach(async () => {
  now = new Date("2026-11-25T10:00:00Z");
  connector = fakeConnector();
  await database.db.outboxMessage.deleteMany({});
});

afterAll(async () => database?.destroy());

describe("delivering reminders", () => {
  it("sends one digest per recipient carrying all their due items, and each item once", async () => {
    for (const key of ["a1", "a2", "a3"]) await enqueue(key, "aad-a");
    await enqueue("b1", "aad-b");
    const report = await deliverDue(deps());
    expect(report).toMatchObject({ messagesSent: 2, rowsSent: 4 });
    expect(connector.sent.map((s) => [s.conversationId, s.text.split("\n").sort()])).toEqual([
      ["a:personal-aad-a", ["a1", "a2", "a3"]],
      ["a:personal-aad-b", ["b1"]],
    ]);
    expect(await deliverDue(deps())).toMatchObject({ messagesSent: 0 });
    expect(await database.db.outboxMessage.count({ where: { state: "sent" } })).toBe(4);
  });

  it("leaves a 429 for a later run after its Retry-After, never waiting inside the run, then delivers once", async () => {
    await enqueue("throttled", "aad-a");
    const waits: number[] = [];
    connector.failNext(connectorError(429, { "retry-after": "30" }));
    const sender = { send: connector.send, sleep: async (ms: number) => void waits.push(ms) };
    expect(await deliverDue(deps({ sender }))).toMatchObject({ rowsFailed: 1, rowsSent: 0 });
    expect(waits).toEqual([]);
    const row = await database.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "throttled" } });
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
    now = new Date(now.getTime() + 29_000);
    expect(await deliverDue(deps({ sender }))).toMatchObject({ rowsSent: 0 });
    now = new Date(now.getTime() + 1_000);
    expect(await deliverDue(deps({ sender }))).toMatchObject({ rowsSent: 1 });
    expect(connector.sent).toHaveLength(1);
  });

  it("marks the conversation and its rows dead on a 403, and sends there no more", async () => {
    await reachableUser(database.db, organisation, "aad-blocked", "approver");
    await enqueue("blocked-1", "aad-blocked");
    connector.failNext(connectorError(403));
    expect(await deliverDue(deps())).toMatchObject({ rowsDead: 1, messagesSent: 0 });
    expect(await findPersonalConversation(database.db, organisation.id, "aad-blocked")).toBeUndefined();
    await enqueue("blocked-2", "aad-blocked");
    expect(await deliverDue(deps())).toMatchObject({ rowsDead: 1, messagesSent: 0 });
    expect(connector.sent).toHaveLength(0);
  });

  it("leaves a failed send for a later attempt with backoff, then delivers it", async () => {
    await enqueue("flaky", "aad-c");
    connector.failNext(connectorError(500));
    expect(await deliverDue(deps())).toMatchObject({ rowsFailed: 1 });
    expect(await deliverDue(deps())).toMatchObject({ rowsSent: 0 });
    now = new Date(now.getTime() + 10 * 60_000);
    expect(await deliverDue(deps())).toMatchObject({ rowsSent: 1 });
    const row = await database.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "flaky" } });
    expect(row).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("skips a row whose kind was muted after planning, and postpones a snoozed one", async () => {
    await enqueue("muted", "aad-b", "kind.muted");
    await enqueue("snoozed", "aad-b", "kind.snoozed");
    await muteReminders(database.db, { organisationId: organisation.id, aadObjectId: "aad-b", kind: "kind.muted" });
    const until = new Date("2026-11-26T10:00:00Z");
    await snoozeReminders(database.db, { organisationId: organisation.id, aadObjectId: "aad-b", kind: "kind.snoozed" }, until);
    expect(await deliverDue(deps())).toMatchObject({ rowsSkipped: 1, rowsPostponed: 1, messagesSent: 0 });
    now = new Date(until.getTime() + 1);
    expect(await deliverDue(deps())).toMatchObject({ rowsSent: 1 });
    expect(connector.sent.map((s) => s.text)).toEqual(["snoozed"]);
  });
});

describe("the scheduler on a fake clock", () => {
  it("plans at 08:00 in the organisation's zone, not before, and sends the digest once", async () => {
    await database.db.engagement.deleteMany({});
    await pendingEngagement(database.db, organisation, "ENG-7", new Date("2026-11-20T09:00:00Z"));
    now = new Date("2026-11-25T06:58:00Z"); // 07:58 in Paris
    const scheduler = new ReminderScheduler({ ...deps(), sources: [pendingApprovalSource] });
    now = new Date("2026-11-25T06:59:00Z");
    expect((await scheduler.tick()).planned).toEqual([]);
    now = new Date("2026-11-25T07:00:00Z");
    const atEight = await scheduler.tick();
    expect(atEight.planned).toHaveLength(1);
    expect(atEight.delivery.messagesSent).toBe(3);
    now = new Date("2026-11-25T07:01:00Z");
    expect(await scheduler.tick()).toMatchObject({ planned: [], delivery: { messagesSent: 0 } });
    now = new Date("2026-11-26T07:00:00Z");
    const nextMorning = await scheduler.tick();
    expect(nextMorning.planned[0]?.report).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(connector.sent).toHaveLength(3);
  });
});
