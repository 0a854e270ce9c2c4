// Measures reminders at the size of a large partner on SQLite and PostgreSQL (a fresh, migrated
// database each): 5,000 approved engagements with no entry for the month whose window closes
// today, one billing user and one admin reachable in personal chats, and one approver who never
// wrote (reached through a roster). Times planning, planning again (all duplicates) and
// delivering the digests (composed as Teams cards; the connector call itself costs nothing
// here). Prints figures; asserts nothing. PostgreSQL is skipped when it is not reachable.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { composeReminderMessages } from "../src/platform/bot/views/reminders";
import { deliverDue } from "../src/platform/reminders/deliverer";
import { planReminders } from "../src/platform/reminders/planner";
import { defaultReminderSettings } from "../src/platform/reminders/settings";
import { platformTables } from "../src/app";
import { rememberConversation } from "../src/platform/store/conversation-references";
import { type Db, openDatabase } from "../src/platform/store/db";
import { migrateDatabase } from "../src/platform/store/migrate";
import { ensureOrganisation, setUserRole } from "../src/platform/store/organisations";
import { rememberRosterPage } from "../src/platform/store/roster-members";
import { adminQuery, postgresUrl } from "../test/support/postgres";

const ENGAGEMENTS = 5_000;
// 2 November 10:00 in Paris: the last day of October's billing window.
const now = new Date("2026-11-02T09:00:00Z");
const settings = defaultReminderSettings({ quietHours: undefined });
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function seed(db: Db): Promise<Awaited<ReturnType<typeof ensureOrganisation>>> {
  const organisation = await ensureOrganisation(db, "bench-large", { name: "Large partner", timeZone: "Europe/Paris" });
  for (const [aadObjectId, role] of [
    ["aad-billing", "billing"],
    ["aad-admin", "admin"],
  ] as const) {
    await setUserRole(db, { organisationId: organisation.id, aadObjectId, name: aadObjectId, role });
    const conversationId = `a:personal-${aadObjectId}`;
    await rememberConversation(db, {
      organisationId: organisation.id,
      tenantId: organisation.tenantId,
      conversationId,
      kind: "personal",
      aadObjectId,
      serviceUrl: "http://connector.invalid/",
      reference: { conversation: { id: conversationId } },
    });
  }
  await setUserRole(db, { organisationId: organisation.id, aadObjectId: "aad-billing-2", name: "Never wrote", role: "billing" });
  await rememberRosterPage(
    db,
    { organisationId: organisation.id, rosterId: "19:team", serviceUrl: "http://connector.invalid/", botId: "28:bot", roleFor: () => "viewer" },
    [{ aadObjectId: "aad-billing-2", teamsUserId: "29:billing-2" }],
  );
  for (let start = 0; start < ENGAGEMENTS; start += 500) {
    await db.engagement.createMany({
      data: Array.from({ length: 500 }, (_, offset) => ({
        id: `bench-${start + offset}`,
        organisationId: organisation.id,
        externalId: `bench-${start + offset}`,
        reference: `ENG-${10_000 + start + offset}`,
        title: "Managed backup",
        clientName: `Client ${(start + offset) % 97}`,
        productName: "Backup",
        requestedAt: new Date(Date.UTC(2026, 8, 1)),
        state: "approved",
        version: 2,
      })),
    });
  }
  return organisation;
}

async function measure(label: string, db: Db): Promise<void> {
  const organisation = await seed(db);
  let started = performance.now();
  const first = await planReminders(db, organisation, now, settings, platformTables().deadlineSources);
  const planMs = performance.now() - started;
  started = performance.now();
  const again = await planReminders(db, organisation, now, settings, platformTables().deadlineSources);
  const againMs = performance.now() - started;
  let largestCard = 0;
  started = performance.now();
  const delivery = await deliverDue({
    db,
    owner: "bench",
    clock: () => now,
    settings,
    compose: composeReminderMessages,
    sender: {
      send: async (_reference, activity) => {
        largestCard = Math.max(largestCard, Buffer.byteLength(JSON.stringify((activity.attachments as { content: unknown }[])[0]?.content)));
      },
      open: async (target) => ({ conversation: { id: `a:opened-${target.teamsUserId}` }, serviceUrl: target.serviceUrl }),
    },
  });
  const deliverMs = performance.now() - started;
  console.log(`\n${label}`);
  console.log(`  planning ${first.due} due items into ${first.inserted} outbox rows: ${seconds(planMs)}`);
  console.log(`  planning again (${again.duplicates} already planned): ${seconds(againMs)}`);
  console.log(`  delivering ${delivery.messagesSent} digests carrying ${delivery.rowsSent} rows: ${seconds(deliverMs)}, largest card ${largestCard} bytes`);
}

const dir = mkdtempSync(join(tmpdir(), "reminders-bench-"));
try {
  const url = `file:${join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const sqlite = openDatabase(url);
  await measure("SQLite", sqlite.db);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const name = `reminders_bench_${randomBytes(4).toString("hex")}`;
try {
  await adminQuery(`CREATE DATABASE ${name}`);
} catch (error) {
  console.log(`\nPostgreSQL skipped: ${(error as Error).message}`);
  process.exit(0);
}
try {
  await migrateDatabase(postgresUrl(name));
  const postgres = openDatabase(postgresUrl(name), { poolSize: 10 });
  await measure("PostgreSQL (pool 10)", postgres.db);
  await postgres.close();
} finally {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
