// Reminders across bot processes: real child processes run `scripts/remind-now.ts` (plan,
// then deliver through the real adapter) against one database and one stand-in connector.
// Two at once deliver 500 reminders exactly once; one killed with SIGKILL mid-run leaves
// nothing lost and nothing doubled once a restart has run after its lease expired.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clockStartingAt } from "../../src/platform/clock";
import { eventFor, type Engagement } from "../../src/workflows/engagements/domain/engagements";
import { rememberConversation } from "../../src/platform/store/conversation-references";
import { insertEngagement } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation, type Organisation, setUserRole } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase, testProvider } from "../support/database";

const LEASE_SECONDS = 10;
const ENGAGEMENTS = 5;
/**
 * The clock of this file's processes: a fixed day, running on with real time. Each process
 * starts with FIXED_CLOCK at its reading then, so a restart after the lease finds it expired.
 */
const clock = clockStartingAt(new Date("2026-11-18T09:00:00Z"));

interface Delivery {
  conversationId: string;
  text: string;
}

/** A Bot Connector stand-in that can hold each post for a while; a post whose sender died first is not delivered. */
class HoldingConnector {
  readonly delivered: Delivery[] = [];
  received = 0;
  holdMs = 0;
  onReceive: ((count: number) => void) | undefined;
  private server: Server | undefined;
  serviceUrl = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let aborted = false;
      res.on("close", () => {
        if (!res.writableEnded) aborted = true;
      });
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        this.received += 1;
        this.onReceive?.(this.received);
        const conversationId = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? "")?.[1] ?? "");
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { attachments?: { content: unknown }[] };
        setTimeout(() => {
          if (aborted || res.destroyed) return;
          this.delivered.push({ conversationId, text: JSON.stringify(body.attachments?.[0]?.content ?? "") });
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ id: `activity-${this.delivered.length}` }));
        }, this.holdMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Each (conversation, engagement reference) pair the reader saw, with how many times. */
  itemCounts(references: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const delivery of this.delivered) {
      for (const reference of references) {
        if (!delivery.text.includes(`${reference} ·`)) continue;
        const key = `${delivery.conversationId}|${reference}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const children = new Set<ChildProcess>();

function runInstance(databaseUrl: string): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/remind-now.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      FIXED_CLOCK: clock().toISOString(),
      NODE_ENV: "test",
      LOG_LEVEL: "error",
      MicrosoftAppId: "",
      REMINDERS_LEASE_SECONDS: String(LEASE_SECONDS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal, output });
    }),
  );
  return { child, exited };
}

/** An organisation with `users` approvers reachable at the connector and ENGAGEMENTS requests pending for ten days. */
async function seed(
  database: TestDatabase,
  connector: HoldingConnector,
  tenantId: string,
  users: number,
): Promise<{ organisation: Organisation; references: string[] }> {
  const { db } = database;
  const organisation = await ensureOrganisation(db, tenantId, { name: tenantId, timeZone: "UTC" });
  for (let i = 0; i < users; i++) {
    const aadObjectId = `aad-${tenantId}-${i}`;
    const conversationId = `a:personal-${aadObjectId}`;
    await setUserRole(db, { organisationId: organisation.id, aadObjectId, name: `Approver ${i}`, role: "approver" });
    await rememberConversation(db, {
      organisationId: organisation.id,
      tenantId,
      conversationId,
      kind: "personal",
      aadObjectId,
      serviceUrl: connector.serviceUrl,
      reference: {
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        conversation: { id: conversationId, conversationType: "personal", tenantId },
        user: { id: `29:${aadObjectId}`, aadObjectId },
        bot: { id: "28:partner-ops-bot", name: "Partner Ops" },
      },
      locale: "en-US",
    });
  }
  const references: string[] = [];
  const requestedAt = new Date(clock().getTime() - 10 * 24 * 3_600_000);
  for (let e = 0; e < ENGAGEMENTS; e++) {
    const reference = `ENG-${tenantId.length}${e}${e}${e}`;
    references.push(reference);
    const engagement: Engagement = {
      id: `eng-${tenantId}-${e}`,
      organisationId: organisation.id,
      externalId: `ext-${tenantId}-${e}`,
      reference,
      title: `Request ${e}`,
      clientName: `Client ${e}`,
      productName: "Backup",
      requestedAt,
      state: "pending",
      version: 1,
    };
    await db.$transaction((tx) =>
      insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Import" }, requestedAt)] }),
    );
  }
  return { organisation, references };
}

function expectEachOnce(connector: HoldingConnector, references: readonly string[], users: number): void {
  const counts = connector.itemCounts(references);
  expect(counts.size).toBe(users * references.length);
  expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
}

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

/** A fresh database and a holding connector for one describe block, closed after it. */
function withDatabaseAndConnector(): { connector: HoldingConnector; current: () => TestDatabase } {
  let database: TestDatabase | undefined;
  const connector = new HoldingConnector();
  beforeAll(async () => {
    database = await createTestDatabase();
    await connector.start();
  });
  afterAll(async () => {
    await connector.close();
    await database?.destroy();
  });
  return {
    connector,
    current: () => {
      if (!database) throw new Error("the database is created in beforeAll");
      return database;
    },
  };
}

describe.skipIf(testProvider === "sqlite")("two bot processes on one PostgreSQL database (PostgreSQL only: SQLite serves a single instance)", () => {
  const { connector, current } = withDatabaseAndConnector();

  it("delivers each of 500 due reminders exactly once when two processes run at the same time", async () => {
    const database = current();
    const { references } = await seed(database, connector, "tenant-two", 100);
    const runs = [runInstance(database.url), runInstance(database.url)];
    const results = await Promise.all(runs.map((run) => run.exited));
    for (const result of results) expect(result, result.output).toMatchObject({ code: 0 });
    expectEachOnce(connector, references, 100);
    // Each planner inserts a recipient's rows in one transaction: one digest per person.
    expect(connector.delivered).toHaveLength(100);
    expect(await database.db.outboxMessage.count({ where: { state: "sent" } })).toBe(500);
    expect(await database.db.outboxMessage.count()).toBe(500);
  }, 60_000);
});

describe("a bot process killed in the middle of a run", () => {
  const { connector, current } = withDatabaseAndConnector();

  it("loses nothing and doubles nothing: a restart after the lease delivers the rest", async () => {
    const database = current();
    const users = 30;
    const { references } = await seed(database, connector, "tenant-kill", users);
    connector.holdMs = 100;
    const first = runInstance(database.url);
    connector.onReceive = (count) => {
      // Killed while the 11th digest is in flight: ten are delivered, the rest claimed or not.
      if (count === 11) first.child.kill("SIGKILL");
    };
    const killed = await first.exited;
    expect(killed.signal).toBe("SIGKILL");
    connector.onReceive = undefined;
    expect(connector.delivered).toHaveLength(10);
    expect(await database.db.outboxMessage.count({ where: { state: "claimed" } })).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS + 1) * 1000));
    const restart = await runInstance(database.url).exited;
    expect(restart, restart.output).toMatchObject({ code: 0 });
    expectEachOnce(connector, references, users);
    expect(await database.db.outboxMessage.count({ where: { state: "sent" } })).toBe(users * ENGAGEMENTS);
  }, 60_000);
});
