// Reminders at the size of a large partner: 5,000 approved engagements with no entry for a
// closing month are planned and delivered as one digest per person that fits in a Teams card,
// and a small organisation next to it still gets its reminders. No query may grow its bind
// parameters with the data (SQLite refuses more than 999).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeReminderMessages } from "../../src/platform/bot/views/reminders";
import { deliverDue } from "../../src/platform/reminders/deliverer";
import { planReminders } from "../../src/platform/reminders/planner";
import { defaultReminderSettings } from "../../src/platform/reminders/settings";

import type { Organisation } from "../../src/platform/store/organisations";
import { MAX_CARD_BYTES } from "../support/adaptive-card-validator";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { organisationNamed, reachableUser } from "./reminder-fixtures";
import { DEADLINE_SOURCES } from "../support/tables";

const LARGE = 5_000;
const SEED_CHUNK = 500;
// 2 November 10:00 in Paris: the last day of October's billing window.
const now = new Date("2026-11-02T09:00:00Z");
const settings = defaultReminderSettings({ quietHours: undefined });

let database: TestDatabase;
let large: Organisation;
let small: Organisation;

async function approvedEngagements(organisation: Organisation, count: number): Promise<void> {
  for (let start = 0; start < count; start += SEED_CHUNK) {
    const size = Math.min(SEED_CHUNK, count - start);
    await database.db.engagement.createMany({
      data: Array.from({ length: size }, (_, offset) => {
        const n = start + offset;
        return {
          id: `eng-${organisation.tenantId}-${n}`,
          organisationId: organisation.id,
          externalId: `ext-${n}`,
          reference: `ENG-${10_000 + n}`,
          title: `Managed service ${n}`,
          clientName: `Client ${n % 97}`,
          productName: "Managed backup",
          requestedAt: new Date(Date.UTC(2026, 8, 1, 0, n % 1_440)),
          state: "approved",
          version: 2,
        };
      }),
    });
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  large = await organisationNamed(database.db, "tenant-large", "Europe/Paris");
  small = await organisationNamed(database.db, "tenant-small", "Europe/Paris");
  await reachableUser(database.db, large, "aad-large-billing", "billing");
  await reachableUser(database.db, large, "aad-large-admin", "admin");
  await reachableUser(database.db, small, "aad-small-billing", "billing");
  await approvedEngagements(large, LARGE);
  await approvedEngagements(small, 3);
}, 120_000);

afterAll(async () => database?.destroy());

describe(`reminders for ${LARGE.toLocaleString("en")} approved engagements`, () => {
  it("plans every engagement's closing window for each billing user and admin, once", async () => {
    const first = await planReminders(database.db, large, now, settings, DEADLINE_SOURCES);
    expect(first).toMatchObject({ due: LARGE, inserted: 2 * LARGE, duplicates: 0 });
    const again = await planReminders(database.db, large, now, settings, DEADLINE_SOURCES);
    expect(again).toMatchObject({ inserted: 0, duplicates: 2 * LARGE });
    expect(await planReminders(database.db, small, now, settings, DEADLINE_SOURCES)).toMatchObject({ inserted: 3 });
  }, 120_000);

  it("delivers one digest per person within the card budget, and marks every row sent", async () => {
    const sent: { conversationId: string; bytes: number }[] = [];
    const report = await deliverDue({
      db: database.db,
      owner: "scale",
      clock: () => now,
      settings,
      compose: composeReminderMessages,
      sender: {
        send: async (reference, activity) => {
          const card = (activity.attachments as { content: unknown }[])[0]?.content;
          sent.push({ conversationId: String((reference.conversation as { id: string }).id), bytes: Buffer.byteLength(JSON.stringify(card)) });
        },
      },
    });
    expect(report).toMatchObject({ messagesSent: 3, rowsSent: 2 * LARGE + 3, rowsDead: 0, rowsLost: 0 });
    expect(sent.map((s) => s.conversationId).sort()).toEqual(["a:personal-aad-large-admin", "a:personal-aad-large-billing", "a:personal-aad-small-billing"]);
    for (const message of sent) expect(message.bytes).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(await database.db.outboxMessage.count({ where: { state: { not: "sent" } } })).toBe(0);
  }, 120_000);
});
