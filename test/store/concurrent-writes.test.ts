// Writers that meet on one database, as concurrent turns of one bot or several bot instances
// do: a write beside another caller's transaction is its own, and a transaction that reads
// before it writes waits for another process's writer instead of failing.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rememberConversation } from "../../src/platform/store/conversation-references";
import type { Db } from "../../src/platform/store/db";
import { ensureOrganisation, ensureUser, findOrganisationByTenant } from "../../src/platform/store/organisations";
import { createTwoInstanceDatabase, type TestDatabase, testProvider, type TwoInstanceDatabase } from "../support/database";

let twin: TwoInstanceDatabase;
let database: TestDatabase;
let clients: [Db, Db];
beforeAll(async () => {
  twin = await createTwoInstanceDatabase();
  ({ database, clients } = twin);
});
afterAll(async () => twin?.destroy());

/** Runs a transaction that writes, lets `beside` run while it is open, then rolls it back. */
async function besideRolledBackTransaction<T>(beside: () => Promise<T>): Promise<T> {
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  let settled!: () => void;
  const besideSettled = new Promise<void>((resolve) => (settled = resolve));
  const rolledBack = database.db
    .$transaction(async (tx) => {
      await tx.organisation.create({ data: { tenantId: "tenant-doomed", name: "Doomed", timeZone: "UTC" } });
      opened();
      // The write beside runs while this transaction is open (or waits for it to end).
      await Promise.race([besideSettled, new Promise((resolve) => setTimeout(resolve, 200))]);
      throw new Error("lost a race");
    })
    .catch((error: Error) => error.message);
  await isOpen;
  const besideDone = beside().finally(settled);
  expect(await rolledBack).toBe("lost a race");
  return besideDone;
}

describe("writes beside a transaction", () => {
  it("keeps a write made while another caller's transaction rolls back, and never shows that transaction's rows", async () => {
    const organisation = await besideRolledBackTransaction(() => ensureOrganisation(database.db, "tenant-beside", { timeZone: "UTC" }));
    expect(organisation.tenantId).toBe("tenant-beside");
    expect(await findOrganisationByTenant(database.db, "tenant-beside")).toEqual(organisation);
    expect(await findOrganisationByTenant(database.db, "tenant-doomed")).toBeUndefined();
  });

  it("does not read another caller's uncommitted rows", async () => {
    const seen = await besideRolledBackTransaction(() => findOrganisationByTenant(database.db, "tenant-doomed"));
    expect(seen).toBeUndefined();
  });
});

describe("transactions of two processes", () => {
  // better-sqlite3 waits for a lock synchronously, so the other writer must be a real process.
  it.runIf(testProvider === "sqlite")("makes a transaction that reads before it writes wait for another process's writer, not fail", async () => {
    const holder = holdWriteLock(database.url.slice("file:".length), 400);
    await holder.locked;
    await database.db.$transaction(async (tx) => {
      expect(await tx.organisation.findUnique({ where: { tenantId: "tenant-after" } })).toBeNull();
      await tx.organisation.create({ data: { tenantId: "tenant-after", name: "After", timeZone: "UTC" } });
    });
    expect(await holder.exited).toBe(0);
    expect(await findOrganisationByTenant(database.db, "tenant-held")).toBeDefined();
    expect(await findOrganisationByTenant(database.db, "tenant-after")).toBeDefined();
  });
});

/** Another process that writes a row, holds the write lock for `ms`, then commits. */
function holdWriteLock(file: string, ms: number): { locked: Promise<void>; exited: Promise<number | null> } {
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1], { timeout: 5000 });
    db.prepare("BEGIN IMMEDIATE").run();
    db.prepare("INSERT INTO Organisation (id, tenantId, name, timeZone) VALUES ('held', 'tenant-held', 'Held', 'UTC')").run();
    console.log("locked");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.prepare("COMMIT").run();`;
  const child = spawn(process.execPath, ["-e", script, file, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  const locked = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { locked, exited };
}

describe("first contacts of one person on two instances at once", () => {
  it("meet on one organisation, one user and one conversation reference", async () => {
    const on = (i: number) => clients[i % 2] as Db;
    const organisations = await Promise.all(Array.from({ length: 8 }, (_, i) => ensureOrganisation(on(i), "tenant-first", { timeZone: "UTC" })));
    const organisationId = organisations[0]?.id ?? "";
    expect(new Set(organisations.map((o) => o.id))).toEqual(new Set([organisationId]));
    const users = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ensureUser(on(i), { organisationId, aadObjectId: "aad-first", name: "Ana", locale: "fr-FR", role: "viewer" })),
    );
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
    const conversation = {
      organisationId,
      tenantId: "tenant-first",
      conversationId: "a:first",
      kind: "personal" as const,
      serviceUrl: "https://smba.example/emea/",
      reference: { conversation: { id: "a:first" } },
      aadObjectId: "aad-first",
    };
    const references = await Promise.all(Array.from({ length: 8 }, (_, i) => rememberConversation(on(i), conversation)));
    expect(new Set(references.map((r) => r.id)).size).toBe(1);
    expect(await database.db.conversationReference.count({ where: { organisationId } })).toBe(1);
    expect(await database.db.partnerUser.count({ where: { organisationId } })).toBe(1);
  });
});
