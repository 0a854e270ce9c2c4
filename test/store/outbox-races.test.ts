// The outbox under writers that meet: a notification enqueued in a transaction that meets
// another transaction's row with the same dedupe key, and claims made by two bot instances
// (two pools), each racing for the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryLostRaces } from "../../src/platform/store/decide-once";
import type { Db } from "../../src/platform/store/db";
import { ensureOrganisation, findOrganisationByTenant } from "../../src/platform/store/organisations";
import {
  claimDueMessages,
  enqueueNotification,
  insertOutboxMessage,
  markDead,
  markFailed,
  markSent,
  markSkipped,
  type NewOutboxMessage,
  postpone,
} from "../../src/platform/store/outbox";
import { createTwoInstanceDatabase, type TestDatabase, type TwoInstanceDatabase } from "../support/database";

let twin: TwoInstanceDatabase;
let database: TestDatabase;
let clients: [Db, Db];
let organisationId: string;
beforeAll(async () => {
  twin = await createTwoInstanceDatabase();
  ({ database, clients } = twin);
  organisationId = (await ensureOrganisation(database.db, "tenant-outbox-races", { timeZone: "UTC" })).id;
});
afterAll(async () => twin?.destroy());

const notice = (dedupeKey: string) => ({ organisationId, recipientAadObjectId: "aad-n", kind: "billing.decision", dedupeKey, payload: {}, now: t0 });

describe("a notification enqueued by two transactions at once", () => {
  it("keeps the later transaction's own writes when its notification turns out to be a duplicate", async () => {
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const first = clients[0].$transaction(async (tx) => {
      await enqueueNotification(tx, notice("shared-key"));
      inserted();
      // Hold the row uncommitted while the second transaction reaches the same key.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await firstInserted;
    const later = retryLostRaces(() =>
      clients[1].$transaction(async (tx) => {
        await tx.organisation.upsert({ where: { tenantId: "tenant-later" }, create: { tenantId: "tenant-later", name: "Later", timeZone: "UTC" }, update: {} });
        return enqueueNotification(tx, notice("shared-key"));
      }),
    );
    await first;
    expect(await later).toBe("duplicate");
    expect(await findOrganisationByTenant(database.db, "tenant-later")).toBeDefined();
    expect(await database.db.outboxMessage.count({ where: { dedupeKey: "shared-key" } })).toBe(1);
  });
});

const t0 = new Date("2026-11-25T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

function reminder(key: string, recipient: string): NewOutboxMessage {
  return {
    organisationId,
    dedupeKey: key,
    kind: "engagement.pending-approval",
    recipient: { type: "user", aadObjectId: recipient },
    deadlineKey: key,
    threshold: "sla",
    notBefore: t0,
    payload: { key },
  };
}

describe("outbox rows claimed by two instances", () => {
  it("gives each due row to exactly one of eight claimers spread over two instances", async () => {
    await database.db.outboxMessage.deleteMany({});
    for (let r = 0; r < 40; r++) for (let i = 0; i < 3; i++) await insertOutboxMessage(database.db, reminder(`two-${r}-${i}`, `aad-${r}`));
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        claimDueMessages(clients[i % 2] as Db, { owner: `instance-${i % 2}`, now: minutes(1), leaseMs: 60_000, maxRecipients: 10 }),
      ),
    );
    const rest = await claimDueMessages(database.db, { owner: "late", now: minutes(1), leaseMs: 60_000, maxRecipients: 100 });
    const ids = [...claims, rest].flatMap((claim) => claim.messages.map((m) => m.id));
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
  });

  it("lets a slow instance whose lease ran out change nothing on rows another instance claimed again", async () => {
    await database.db.outboxMessage.deleteMany({});
    for (let i = 0; i < 5; i++) await insertOutboxMessage(database.db, reminder(`slow-${i}`, "aad-slow"));
    const slow = await claimDueMessages(clients[0], { owner: "slow", now: minutes(1), leaseMs: 60_000, maxRecipients: 10 });
    const fresh = await claimDueMessages(clients[1], { owner: "fresh", now: minutes(3), leaseMs: 60_000, maxRecipients: 10 });
    expect(fresh.messages).toHaveLength(5);
    const [a, b, c, d, e] = slow.messages.map((m) => m.id) as [string, string, string, string, string];
    expect(await markSent(clients[0], slow.token, [a], minutes(3))).toBe(0);
    await markFailed(clients[0], slow.token, [b], { error: "boom", retryAt: minutes(10), maxAttempts: 1 });
    await markDead(clients[0], slow.token, [c], "gone");
    await markSkipped(clients[0], slow.token, [d], "muted");
    await postpone(clients[0], slow.token, [e], minutes(60));
    const rows = await database.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "slow-" } } });
    expect(rows.map((row) => [row.state, row.leaseOwner, row.attempts])).toEqual(Array.from({ length: 5 }, () => ["claimed", fresh.token, 2]));
  });

  it("keeps a failed row's attempts and retry time, offers it again only then, and buries it at the last attempt", async () => {
    await database.db.outboxMessage.deleteMany({});
    await insertOutboxMessage(database.db, reminder("retry", "aad-retry"));
    const first = await claimDueMessages(clients[0], { owner: "a", now: minutes(1), leaseMs: 60_000, maxRecipients: 10 });
    await markFailed(
      clients[0],
      first.token,
      first.messages.map((m) => m.id),
      { error: "503", retryAt: minutes(5), maxAttempts: 2 },
    );
    expect(await database.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "retry" } })).toMatchObject({
      state: "failed",
      attempts: 1,
      nextAttemptAt: minutes(5),
      lastError: "503",
      leaseOwner: null,
    });
    expect((await claimDueMessages(clients[1], { owner: "b", now: minutes(4), leaseMs: 60_000, maxRecipients: 10 })).messages).toHaveLength(0);
    const second = await claimDueMessages(clients[1], { owner: "b", now: minutes(5), leaseMs: 60_000, maxRecipients: 10 });
    expect(second.messages.map((m) => m.attempts)).toEqual([2]);
    await markFailed(
      clients[1],
      second.token,
      second.messages.map((m) => m.id),
      { error: "503", retryAt: minutes(10), maxAttempts: 2 },
    );
    expect(await database.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "retry" } })).toMatchObject({ state: "dead", attempts: 2 });
    expect((await claimDueMessages(clients[0], { owner: "a", now: minutes(60), leaseMs: 60_000, maxRecipients: 10 })).messages).toHaveLength(0);
  });
});
