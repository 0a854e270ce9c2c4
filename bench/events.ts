// Measures outbound events on SQLite and PostgreSQL (a fresh, migrated database each):
// EVENTS events emitted by 10 concurrent writers, one per transaction, while two delivery
// loops (as two bot instances) push them to the example receiver. Prints the delivery
// throughput and the latency from each event's commit to its arrival at the receiver
// (p50/p99). Asserts nothing. BENCH_EVENTS changes the count (default 10,000).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { startWebhookReceiver } from "../examples/webhook-receiver";
import { defineEvent } from "../src/platform/events/define-event";
import { deliverDueWebhooks } from "../src/platform/events/delivery";
import { emitEvent } from "../src/platform/events/emit";
import { registerWebhookEndpoint } from "../src/platform/events/endpoints";
import { type Db, openDatabase } from "../src/platform/store/db";
import { migrateDatabase } from "../src/platform/store/migrate";
import { ensureOrganisation } from "../src/platform/store/organisations";
import { choosePostgresServer, databaseUrlOn, queryOn } from "../test/support/postgres-server";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const WRITERS = 10;
const benchEvent = defineEvent("bench.thing.happened", z.object({ n: z.number() }), "A bench event.");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function measure(label: string, db: Db, second: Db): Promise<void> {
  const organisationId = (await ensureOrganisation(db, `bench-events-${label}`, { timeZone: "UTC" })).id;
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  const placeholder = "http://127.0.0.1/bench";
  const registered = await registerWebhookEndpoint(
    db,
    { organisationId, url: placeholder, eventTypes: [benchEvent.type] },
    { knownTypes: [benchEvent.type], production: false },
  );
  if (!registered.ok) throw new Error(registered.refusal);
  const receiver = await startWebhookReceiver({
    secret: registered.secret,
    onEvent: (event) => {
      const at = committedAt.get(event.id);
      if (at !== undefined) latencies.push(performance.now() - at);
    },
  });
  await db.webhookEndpoint.update({
    where: { id: registered.endpoint.id },
    data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks` },
  });

  const started = performance.now();
  let next = 0;
  const writers = Array.from({ length: WRITERS }, async () => {
    while (next < EVENTS) {
      const n = next++;
      const event = await db.$transaction((tx) => emitEvent(tx, benchEvent, { organisationId, data: { n }, now: new Date() }));
      committedAt.set(event.id, performance.now());
    }
  });
  let writing = true;
  const instance = async (client: Db, owner: string) => {
    while (writing || latencies.length < EVENTS) {
      const report = await deliverDueWebhooks({ db: client, owner, clock: () => new Date() });
      if (report.sent === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const deliverers = [instance(db, "a"), instance(second, "b")];
  await Promise.all(writers);
  const emittedMs = performance.now() - started;
  writing = false;
  await Promise.all(deliverers);
  const totalMs = performance.now() - started;
  await new Promise((resolve) => receiver.close(resolve));
  latencies.sort((a, b) => a - b);
  console.log(`${label}: ${EVENTS} events from ${WRITERS} writers`);
  console.log(`  emitted in ${(emittedMs / 1000).toFixed(1)} s (${Math.round(EVENTS / (emittedMs / 1000))} events/s)`);
  console.log(`  delivered in ${(totalMs / 1000).toFixed(1)} s (${Math.round(EVENTS / (totalMs / 1000))} events/s), two delivery loops`);
  console.log(`  commit -> receiver: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`);
}

const dir = mkdtempSync(join(tmpdir(), "events-bench-"));
try {
  const url = `file:${join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const sqlite = openDatabase(url);
  // One process holds one SQLite connection: both loops share it.
  await measure("SQLite", sqlite.db, sqlite.db);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const server = await choosePostgresServer();
console.log(`\nPostgreSQL: ${server.description}`);
const name = `events_bench_${randomBytes(4).toString("hex")}`;
try {
  await queryOn(server.url, `CREATE DATABASE ${name}`);
  const url = databaseUrlOn(server.url, name);
  await migrateDatabase(url);
  const first = openDatabase(url, { poolSize: 10 });
  const second = openDatabase(url, { poolSize: 10 });
  await measure("PostgreSQL (two pools of 10)", first.db, second.db);
  await first.close();
  await second.close();
  await queryOn(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} finally {
  await server.close();
}
