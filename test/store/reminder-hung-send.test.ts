// One hung send must not stop delivery for everyone: each send has a deadline, each run has a
// deadline, organisations take turns, and what was not delivered goes to a later run, still
// exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDue, type DeliveryDeps } from "../../src/platform/reminders/deliverer";
import { defaultReminderSettings } from "../../src/platform/reminders/settings";
import type { SendActivity } from "../../src/platform/reminders/sender";
import type { Organisation } from "../../src/platform/store/organisations";
import { insertOutboxMessage } from "../../src/platform/store/outbox";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { listKeys, organisationNamed, reachableUser } from "./reminder-fixtures";

let database: TestDatabase;
let stuck: Organisation;
let healthy: Organisation;
const now = new Date("2026-11-25T10:00:00Z");
const settings = defaultReminderSettings({ quietHours: undefined });

async function enqueue(organisation: Organisation, key: string, aadObjectId: string) {
  await insertOutboxMessage(database.db, {
    organisationId: organisation.id,
    dedupeKey: key,
    kind: "engagement.pending-approval",
    recipient: { type: "user", aadObjectId },
    deadlineKey: key,
    threshold: "sla",
    notBefore: now,
    payload: {},
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  stuck = await organisationNamed(database.db, "tenant-stuck", "UTC");
  healthy = await organisationNamed(database.db, "tenant-healthy", "UTC");
  for (const name of ["aad-s1", "aad-s2", "aad-s3"]) await reachableUser(database.db, stuck, name, "approver");
  for (const name of ["aad-h1", "aad-h2"]) await reachableUser(database.db, healthy, name, "approver");
});
afterAll(async () => database?.destroy());

describe("a reminder send that never answers", () => {
  it("fails after the send deadline, lets the other organisation's digests through, and is sent once on a later run", async () => {
    for (const user of ["aad-s1", "aad-s2", "aad-s3"]) await enqueue(stuck, `s-${user}`, user);
    for (const user of ["aad-h1", "aad-h2"]) await enqueue(healthy, `h-${user}`, user);
    const sent: string[] = [];
    let hung = true;
    const send: SendActivity = async (reference) => {
      const conversationId = String((reference.conversation as { id: string }).id);
      if (hung && conversationId.includes("aad-s")) return new Promise<void>(() => undefined);
      sent.push(conversationId);
    };
    const deps = (clock: Date): DeliveryDeps => ({
      db: database.db,
      owner: "test",
      clock: () => clock,
      settings,
      compose: listKeys,
      sender: { send, sendTimeoutMs: 200, sleep: async () => undefined, random: () => 0.5 },
      cycleDeadlineMs: 1_000,
    });
    const started = performance.now();
    const first = await deliverDue(deps(now));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(sent.filter((id) => id.includes("aad-h")).sort()).toEqual(["a:personal-aad-h1", "a:personal-aad-h2"]);
    expect(first.rowsSent).toBe(2);
    hung = false;
    const later = new Date(now.getTime() + 3 * 3_600_000);
    await deliverDue(deps(later));
    await deliverDue(deps(new Date(later.getTime() + 3_600_000)));
    expect(sent.filter((id) => id.includes("aad-s")).sort()).toEqual(["a:personal-aad-s1", "a:personal-aad-s2", "a:personal-aad-s3"]);
    expect(sent).toHaveLength(5);
  });
});
