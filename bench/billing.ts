// Measures billing writes on SQLite and PostgreSQL (a fresh, migrated database each): one
// submission at a time (latency per submit), 20 concurrent sends of one form (one entry), 20
// different forms at once on one engagement (each retried until it wins), and vendor decisions.
// Prints figures; asserts nothing. PostgreSQL is the tests' server (test/support/postgres-server.ts).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkBillingDraft } from "../src/workflows/engagements/domain/billing-draft";
import { type Engagement, eventFor } from "../src/workflows/engagements/domain/engagements";
import type { Actor } from "../src/platform/domain/roles";
import { applyBillingDecision } from "../src/workflows/engagements/store/billing-decisions";
import { submitBillingOnce } from "../src/workflows/engagements/store/billing-submissions";
import { type Db, openDatabase } from "../src/platform/store/db";
import { insertEngagement } from "../src/workflows/engagements/store/engagements";
import { migrateDatabase } from "../src/platform/store/migrate";
import { ensureOrganisation } from "../src/platform/store/organisations";
import { choosePostgresServer, databaseUrlOn, queryOn } from "../test/support/postgres-server";

const now = new Date("2026-11-02T10:00:00Z");
const SEQUENTIAL = 200;
const draftResult = checkBillingDraft(
  { quantity: "10", unit: "hour", unitCost: "12.50", currency: "EUR", month: "2026-10" },
  { engagement: { state: "approved", reference: "ENG-1" }, timeZone: "UTC", now, currencies: ["EUR"] },
);
if (!draftResult.ok) throw new Error("bench draft refused");
const draft = draftResult.value;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function engagementIn(db: Db, organisationId: string, n: number): Promise<Engagement> {
  const engagement: Engagement = {
    id: `bench-${n}`,
    organisationId,
    externalId: `bench-${n}`,
    reference: `ENG-${9000 + n}`,
    title: "Bench",
    clientName: "Bench",
    productName: "Bench",
    requestedAt: now,
    state: "approved",
    version: 1,
  };
  await db.$transaction((tx) => insertEngagement(tx, { engagement, events: [eventFor(engagement, "approved", { aadObjectId: "b", name: "Bench" }, now)] }));
  return engagement;
}

async function measure(label: string, db: Db): Promise<void> {
  const organisationId = (await ensureOrganisation(db, `bench-${label}`, { timeZone: "UTC" })).id;
  const actor: Actor = { organisationId, aadObjectId: "aad-bench", name: "Bench", role: "billing" };
  const submit = (engagementId: string, formNonce: string) => submitBillingOnce(db, { actor, engagementId, draft, formNonce, timeZone: "UTC", now });

  const sequential = await engagementIn(db, organisationId, 1);
  const latencies: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    const started = performance.now();
    const outcome = await submit(sequential.id, `seq-form-${i}`);
    latencies.push(performance.now() - started);
    if (outcome.kind === "created") ids.push(outcome.entry.id);
  }
  latencies.sort((a, b) => a - b);

  const sameForm = await engagementIn(db, organisationId, 2);
  let started = performance.now();
  const same = await Promise.all(Array.from({ length: 20 }, () => submit(sameForm.id, "one-form-0001")));
  const sameMs = performance.now() - started;

  const manyForms = await engagementIn(db, organisationId, 3);
  started = performance.now();
  const many = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(manyForms.id, `many-form-${i}`)));
  const manyMs = performance.now() - started;

  const decisionLatencies: number[] = [];
  for (const [i, billingEntryId] of ids.entries()) {
    const decision = { outcome: "rated", decisionId: `bench-dec-${i}`, decidedAt: now } as const;
    const t0 = performance.now();
    await applyBillingDecision(db, { organisationId, entry: { billingEntryId }, decision, source: "http", receivedAt: now });
    decisionLatencies.push(performance.now() - t0);
  }
  decisionLatencies.sort((a, b) => a - b);

  console.log(`\n${label}`);
  console.log(`  ${SEQUENTIAL} submissions one at a time: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`);
  console.log(
    `  20 concurrent sends of one form: ${ms(sameMs)}, created ${same.filter((o) => o.kind === "created").length}, duplicates ${same.filter((o) => o.kind === "duplicate").length}`,
  );
  console.log(`  20 different forms at once on one engagement: ${ms(manyMs)}, created ${many.filter((o) => o.kind === "created").length}`);
  console.log(`  ${ids.length} vendor decisions one at a time: p50 ${ms(percentile(decisionLatencies, 50))}, p95 ${ms(percentile(decisionLatencies, 95))}`);
}

const dir = mkdtempSync(join(tmpdir(), "billing-bench-"));
try {
  const url = `file:${join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const sqlite = openDatabase(url);
  await measure("SQLite", sqlite.db);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const server = await choosePostgresServer();
console.log(`\nPostgreSQL: ${server.description}`);
const name = `billing_bench_${randomBytes(4).toString("hex")}`;
try {
  await queryOn(server.url, `CREATE DATABASE ${name}`);
  const url = databaseUrlOn(server.url, name);
  await migrateDatabase(url);
  const postgres = openDatabase(url, { poolSize: 10 });
  await measure("PostgreSQL (pool 10)", postgres.db);
  await postgres.close();
  await queryOn(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} finally {
  await server.close();
}
