// Measures reminders at the size of a large partner on SQLite and PostgreSQL (a fresh, migrated
// database each): BENCH_ENGAGEMENTS (100,000) engagements, half pending past the approval SLA and
// half approved with no entry for the month whose window closes today; one approver, one billing
// user and one admin reachable in personal chats, and one billing user who never wrote (reached
// through a roster). Times planning, planning again (all duplicates) and delivering the digests
// (composed as Teams cards and sent through the bot's client-side Teams rate limiter; the
// connector call itself costs nothing here), and checks the sends against Teams' limits.
// Prints figures; asserts nothing. BENCH_DATABASES (sqlite,postgres) picks the databases.
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
import { rateLimited, TeamsRateLimiter } from "../src/platform/reminders/rate-limiter";
import type { Engagement } from "../src/workflows/engagements/domain/engagements";
import { insertEngagements } from "../src/workflows/engagements/store/engagements";
import { choosePostgresServer, databaseUrlOn, queryOn } from "../test/support/postgres-server";

const ENGAGEMENTS = Number(process.env.BENCH_ENGAGEMENTS ?? 100_000);
const DATABASES = (process.env.BENCH_DATABASES ?? "sqlite,postgres").split(",");
// 2 November 10:00 in Paris: the last day of October's billing window.
const now = new Date("2026-11-02T09:00:00Z");
const settings = defaultReminderSettings({ quietHours: undefined });
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function seed(db: Db): Promise<Awaited<ReturnType<typeof ensureOrganisation>>> {
  const organisation = await ensureOrganisation(db, "bench-large", { name: "Large partner", timeZone: "Europe/Paris" });
  for (const [aadObjectId, role] of [
    ["aad-approver", "approver"],
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
  // Half pending since September (past any SLA), half approved then: written as the import writes them.
  const transitions = Array.from({ length: ENGAGEMENTS }, (_, n) => {
    const engagement: Engagement = {
      id: `bench-${n}`,
      organisationId: organisation.id,
      externalId: `bench-${n}`,
      reference: `ENG-${10_000 + n}`,
      title: "Managed backup",
      clientName: `Client ${n % 97}`,
      productName: "Backup",
      requestedAt: new Date(Date.UTC(2026, 8, 1) + n * 1_000),
      state: n % 2 === 0 ? "pending" : "approved",
      version: n % 2 === 0 ? 1 : 2,
    };
    return { engagement, events: [] };
  });
  await db.$transaction((tx) => insertEngagements(tx, transitions, now), { timeout: 120_000 });
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
  // Every send goes through the bot's own limiter; its instants are checked against Teams' limits.
  const sent: { conversationId: string; at: number }[] = [];
  const send = rateLimited(async (reference, activity) => {
    sent.push({ conversationId: String((reference.conversation as { id?: string }).id), at: performance.now() });
    largestCard = Math.max(largestCard, Buffer.byteLength(JSON.stringify((activity.attachments as { content: unknown }[])[0]?.content)));
  }, new TeamsRateLimiter());
  started = performance.now();
  const delivery = await deliverDue({
    db,
    owner: "bench",
    clock: () => now,
    settings,
    compose: composeReminderMessages,
    sender: {
      send: (reference, activity) => send({ ...reference, conversation: { ...(reference.conversation as object), tenantId: organisation.tenantId } }, activity),
      open: async (target) => ({ conversation: { id: `a:opened-${target.teamsUserId}` }, serviceUrl: target.serviceUrl }),
    },
  });
  const deliverMs = performance.now() - started;
  console.log(`\n${label}`);
  console.log(`  planning ${first.due} due items into ${first.inserted} outbox rows: ${seconds(planMs)}`);
  console.log(`  planning again (${again.duplicates} already planned): ${seconds(againMs)}`);
  console.log(`  delivering ${delivery.messagesSent} digests carrying ${delivery.rowsSent} rows: ${seconds(deliverMs)}, largest card ${largestCard} bytes`);
  const perConversation = new Map<string, number[]>();
  for (const { conversationId, at } of sent) perConversation.set(conversationId, [...(perConversation.get(conversationId) ?? []), at]);
  const busiest = Math.max(0, ...[...perConversation.values()].map((instants) => mostWithin(instants, 1_000)));
  console.log(
    `  sends: ${sent.length} to ${perConversation.size} conversations; at most ${busiest} to one conversation in a second (Teams: 7), ` +
      `${mostWithin(
        sent.map((s) => s.at),
        1_000,
      )} to the tenant in a second (Teams: 30)`,
  );
}

/** The most instants that fall within any window of `ms`. */
function mostWithin(instants: readonly number[], ms: number): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

if (DATABASES.includes("sqlite")) {
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
}

if (DATABASES.includes("postgres")) {
  const server = await choosePostgresServer();
  const name = `reminders_bench_${randomBytes(4).toString("hex")}`;
  try {
    await queryOn(server.url, `CREATE DATABASE ${name}`);
    await migrateDatabase(databaseUrlOn(server.url, name));
    const postgres = openDatabase(databaseUrlOn(server.url, name), { poolSize: 10 });
    await measure("PostgreSQL (pool 10)", postgres.db);
    await postgres.close();
  } finally {
    await queryOn(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.close();
  }
}
