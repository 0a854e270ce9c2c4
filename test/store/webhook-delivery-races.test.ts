// Two bot instances (two pools on PostgreSQL) deliver 1,000 events to two endpoints whose
// receivers fail now and then: every event reaches every endpoint, and each webhook-id is
// taken once per endpoint, however the instances' claims interleave.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent } from "../../src/platform/events/define-event";
import { deliverDueWebhooks } from "../../src/platform/events/delivery";
import { emitEvent } from "../../src/platform/events/emit";
import { registerWebhookEndpoint } from "../../src/platform/events/endpoints";
import { verifyWebhook } from "../../src/platform/events/signing";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { createTwoInstanceDatabase, testProvider, type TwoInstanceDatabase } from "../support/database";

const happened = defineEvent("test.thing.happened", z.object({ n: z.number() }), "A test event.");
// 1,000 on PostgreSQL, the two-instance case; SQLite has one writer at a time and one client, so fewer prove the same there.
const EVENTS = testProvider === "postgres" ? 1_000 : 250;
let clock = new Date("2026-11-02T10:00:00Z");
let twin: TwoInstanceDatabase;
const servers: Server[] = [];

interface Receiver {
  url: string;
  secret?: string;
  /** webhook-ids answered 2xx, one entry per successful attempt. */
  taken: string[];
  refused: number;
}

async function flakyReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", taken: [], refused: 0 };
  const failedOnce = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const verified = verifyWebhook(receiver.secret ?? "", req.headers, Buffer.concat(chunks).toString("utf8"), clock);
      // The first attempt of about one event in twenty fails, as a receiver under load does.
      const failsNow = verified.ok && !failedOnce.has(verified.id) && Math.random() < 0.05;
      if (failsNow) failedOnce.add(verified.id);
      const status = !verified.ok ? 401 : failsNow ? 503 : 200;
      if (status === 200 && verified.ok) receiver.taken.push(verified.id);
      else receiver.refused += 1;
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

beforeAll(async () => {
  twin = await createTwoInstanceDatabase();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await twin?.destroy();
});

describe("two instances delivering webhooks", () => {
  it("deliver every event (1,000 on PostgreSQL) to every endpoint, each webhook-id taken once per endpoint", async () => {
    const db = twin.database.db;
    const organisationId = (await ensureOrganisation(db, "tenant-webhook-races", { timeZone: "UTC" })).id;
    const receivers = [await flakyReceiver(), await flakyReceiver()];
    for (const receiver of receivers) {
      const registered = await registerWebhookEndpoint(
        db,
        { organisationId, url: receiver.url, eventTypes: [happened.type] },
        { knownTypes: [happened.type], production: false },
      );
      if (!registered.ok) throw new Error(registered.refusal);
      receiver.secret = registered.secret;
    }
    const ids: string[] = [];
    for (let batch = 0; batch < EVENTS / 50; batch++) {
      await db.$transaction(async (tx) => {
        for (let n = 0; n < 50; n++) ids.push((await emitEvent(tx, happened, { organisationId, data: { n: batch * 50 + n }, now: clock })).id);
      });
    }
    const instance = (client: typeof db, owner: string) => deliverDueWebhooks({ db: client, owner, clock: () => clock, rowsPerEndpoint: 25, timeoutMs: 5_000 });
    for (let round = 0; round < 10; round++) {
      await Promise.all([instance(twin.clients[0], "a"), instance(twin.clients[1], "b")]);
      if (receivers.every((receiver) => receiver.taken.length >= EVENTS)) break;
      // The failed ones, and the rows of their batch that waited with them, come back after 5 s (6 at most).
      clock = new Date(clock.getTime() + 10_000);
    }
    for (const receiver of receivers) {
      expect(receiver.taken).toHaveLength(EVENTS);
      expect(new Set(receiver.taken)).toEqual(new Set(ids));
    }
    expect(await db.outboxMessage.count({ where: { kind: "webhook", state: { not: "sent" } } })).toBe(0);
  }, 240_000);
});
