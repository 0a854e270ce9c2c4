// The outbox on the database the vitest project names: dedupe on insert, claims under a
// lease that two claimers never share, and lease expiry handing rows to the next claimer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { claimDueMessages, enqueueNotification, insertOutboxMessage, markSent, type NewOutboxMessage, renewLease } from "../../src/platform/store/outbox";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let organisationId: string;
const t0 = new Date("2026-11-25T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

function reminder(key: string, recipient: string, overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return {
    organisationId,
    dedupeKey: key,
    kind: "engagement.pending-approval",
    recipient: { type: "user", aadObjectId: recipient },
    deadlineKey: key,
    threshold: "sla",
    deadlineAt: t0,
    notBefore: t0,
    payload: { key },
    ...overrides,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  organisationId = (await ensureOrganisation(database.db, "tenant-outbox", { timeZone: "Europe/Paris" })).id;
});

afterAll(async () => database?.destroy());

describe("planning into the outbox", () => {
  it("inserts a (deadline, recipient, threshold) once however many times it is planned", async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => insertOutboxMessage(database.db, reminder("dup-1", "aad-dup"))));
    expect(outcomes.filter((o) => o === "inserted")).toHaveLength(1);
    expect(await database.db.outboxMessage.count({ where: { dedupeKey: "dup-1" } })).toBe(1);
    expect(await insertOutboxMessage(database.db, reminder("dup-1", "aad-dup"))).toBe("duplicate");
  });

  it("enqueues a notification inside the caller's transaction, once per dedupe key", async () => {
    const input = { organisationId, recipientAadObjectId: "aad-note", kind: "billing.rated", dedupeKey: "rated-1", payload: { a: 1 }, now: t0 };
    expect(await database.db.$transaction((tx) => enqueueNotification(tx, input))).toBe("inserted");
    expect(await database.db.$transaction((tx) => enqueueNotification(tx, input))).toBe("duplicate");
    expect(await database.db.outboxMessage.count({ where: { dedupeKey: "rated-1", threshold: "notification" } })).toBe(1);
  });

  it("makes a row due at the caller's clock, not at the database's", async () => {
    // A bot on FIXED_CLOCK lives a year away from the database's clock; its rows are due by its own.
    const appNow = new Date(Date.now() - 365 * 24 * 3_600_000);
    const input = { organisationId, recipientAadObjectId: "aad-app-clock", kind: "billing.rated", dedupeKey: "app-clock", payload: {}, now: appNow };
    await database.db.$transaction((tx) => enqueueNotification(tx, input));
    await insertOutboxMessage(database.db, reminder("app-clock-reminder", "aad-app-clock", { notBefore: appNow }));
    const rows = await database.db.outboxMessage.findMany({ where: { recipient: "user:aad-app-clock" } });
    expect(rows.map((row) => row.nextAttemptAt)).toEqual([appNow, appNow]);
  });
});

describe("claiming outbox rows with a lease", () => {
  beforeAll(async () => {
    await database.db.outboxMessage.deleteMany({});
    for (let r = 0; r < 30; r++) {
      for (let i = 0; i < 4; i++) await insertOutboxMessage(database.db, reminder(`claim-${r}-${i}`, `aad-${r}`));
    }
    await insertOutboxMessage(database.db, reminder("later", "aad-later", { notBefore: minutes(60) }));
  });

  it("never gives the same row to two concurrent claimers, and claims a recipient's rows together", async () => {
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) => claimDueMessages(database.db, { owner: `worker-${i}`, now: minutes(1), leaseMs: 60_000, maxRecipients: 8 })),
    );
    const ids = claims.flatMap((c) => c.messages.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const claim of claims) {
      const recipients = new Set(claim.messages.map((m) => JSON.stringify(m.recipient)));
      for (const recipient of recipients) {
        expect(claim.messages.filter((m) => JSON.stringify(m.recipient) === recipient)).toHaveLength(4);
      }
    }
    const rest = await claimDueMessages(database.db, { owner: "late", now: minutes(1), leaseMs: 60_000, maxRecipients: 100 });
    expect(ids.length + rest.messages.length).toBe(120);
    expect(rest.messages.every((m) => m.dedupeKey !== "later")).toBe(true);
  });

  it("stops adding recipients to a batch once their rows pass the row budget, but always takes the first whole", async () => {
    await database.db.outboxMessage.deleteMany({});
    for (let i = 0; i < 6; i++) await insertOutboxMessage(database.db, reminder(`big-${i}`, "aad-big", { notBefore: t0 }));
    for (let i = 0; i < 2; i++) await insertOutboxMessage(database.db, reminder(`small-${i}`, "aad-small", { notBefore: minutes(0.5) }));
    const options = { now: minutes(1), leaseMs: 60_000, maxRecipients: 10, maxRows: 4 };
    const first = await claimDueMessages(database.db, { ...options, owner: "a" });
    expect(first.messages.map((m) => m.dedupeKey).sort()).toEqual(["big-0", "big-1", "big-2", "big-3", "big-4", "big-5"]);
    const second = await claimDueMessages(database.db, { ...options, owner: "b" });
    expect(second.messages.map((m) => m.dedupeKey).sort()).toEqual(["small-0", "small-1"]);
  });

  it("hands rows whose lease ran out to the next claimer, and refuses the old holder's renewal", async () => {
    await database.db.outboxMessage.deleteMany({});
    await insertOutboxMessage(database.db, reminder("expiring", "aad-x"));
    const first = await claimDueMessages(database.db, { owner: "a", now: minutes(1), leaseMs: 60_000, maxRecipients: 10 });
    expect(first.messages).toHaveLength(1);
    const during = await claimDueMessages(database.db, { owner: "b", now: minutes(1.5), leaseMs: 60_000, maxRecipients: 10 });
    expect(during.messages).toHaveLength(0);
    const after = await claimDueMessages(database.db, { owner: "b", now: minutes(2.5), leaseMs: 60_000, maxRecipients: 10 });
    expect(after.messages.map((m) => m.dedupeKey)).toEqual(["expiring"]);
    expect(after.messages[0]?.attempts).toBe(2);
    const ids = first.messages.map((m) => m.id);
    expect(await renewLease(database.db, first.token, ids, minutes(2.5), 60_000)).toBe(false);
    expect(await markSent(database.db, first.token, ids, minutes(2.5))).toBe(0);
    expect(await markSent(database.db, after.token, ids, minutes(2.5))).toBe(1);
  });

  it("gives up on a row whose every claim ran out of lease, instead of claiming it forever", async () => {
    await database.db.outboxMessage.deleteMany({});
    await insertOutboxMessage(database.db, reminder("crash-loop", "aad-crash"));
    const claim = (at: number) => claimDueMessages(database.db, { owner: "crashy", now: minutes(at), leaseMs: 60_000, maxRecipients: 10, maxAttempts: 3 });
    // Each holder dies mid-send: nobody marks the row, its lease runs out, the next claim takes it.
    expect((await claim(1)).messages.map((m) => m.attempts)).toEqual([1]);
    expect((await claim(3)).messages.map((m) => m.attempts)).toEqual([2]);
    expect((await claim(5)).messages.map((m) => m.attempts)).toEqual([3]);
    expect((await claim(7)).messages).toHaveLength(0);
    const row = await database.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: "crash-loop" } });
    expect(row.state).toBe("dead");
    expect(row.lastError).toMatch(/gave up after 3 claims/);
  });
});
