// Measures a 500-line usage report on SQLite and PostgreSQL (a fresh, migrated database each):
// opening it (read with its lines and render the card's first page), saving a draft of one
// page of typed values, and submitting it with a comment on every discrepancy. Prints figures;
// asserts nothing. PostgreSQL is the tests' server (test/support/postgres-server.ts).
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { platformTables } from "../src/app";
import { translator } from "../src/platform/i18n/translator";
import { type Db, openDatabase } from "../src/platform/store/db";
import { migrateDatabase } from "../src/platform/store/migrate";
import { ensureOrganisation } from "../src/platform/store/organisations";
import { discrepancyOf } from "../src/workflows/usage-reports/domain/discrepancies";
import { receivePlatformReportIn, saveDraftOnce, submitOnce } from "../src/workflows/usage-reports/store/commands";
import { findAccount, findReport, upsertAccount } from "../src/workflows/usage-reports/store/reports";
import { usageReportCard } from "../src/workflows/usage-reports/views/report";
import { choosePostgresServer, databaseUrlOn, queryOn } from "../test/support/postgres-server";

const LINES = 500;
const REPORTS = 10;
const opened = new Date("2026-12-01T00:30:00Z");
const now = new Date("2026-12-02T09:00:00Z");
const actor = { userId: "aad-bench", name: "Bench", role: "billing" as const };

platformTables();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? 0)}`;
};

const lines = Array.from({ length: LINES }, (_, i) => ({
  lineId: `L${String(i + 1).padStart(4, "0")}`,
  product: `Microsoft 365 Business Premium, tenant ${i + 1}`,
  unit: i % 3 === 0 ? "GB-months" : "license seats",
  provisionedUnits: String(10 + (i % 7)),
  ...(i % 10 === 0 ? { billableUnits: String(8 + (i % 7)) } : {}),
}));

async function measure(label: string, db: Db): Promise<void> {
  const organisationId = (await ensureOrganisation(db, `bench-usage-${label}`, { timeZone: "Europe/Paris" })).id;
  const account = await upsertAccount(db, organisationId, {
    platformAccountId: "LMP-BENCH",
    name: "Bench MSP",
    distributorName: "Bench Distribution",
    autoSubmitDelayDays: 10,
    usageReporting: true,
  });
  const t = translator("en", "Europe/Paris");
  const timings = { import: [] as number[], open: [] as number[], save: [] as number[], submit: [] as number[] };
  for (let n = 0; n < REPORTS; n += 1) {
    let started = performance.now();
    const received = await db.$transaction((tx) =>
      receivePlatformReportIn(
        tx,
        account,
        {
          platformReportId: `R-${n}-${randomUUID()}`,
          platformAccountId: account.platformAccountId,
          cycle: `2025-${String(n + 1).padStart(2, "0")}`,
          openedAt: opened,
          lines,
        },
        { timeZone: "Europe/Paris", now },
      ),
    );
    timings.import.push(performance.now() - started);
    if (typeof received === "symbol" || received.kind !== "changed") throw new Error("bench report not opened");
    const reportId = received.report.id;

    started = performance.now();
    const report = await findReport(db, organisationId, reportId);
    const found = report && (await findAccount(db, organisationId, report.accountId));
    if (!report || !found) throw new Error("bench report not found");
    usageReportCard({ report, account: found, t, organisationTimeZone: "Europe/Paris", now, canEdit: true });
    timings.open.push(performance.now() - started);

    started = performance.now();
    const page = report.lines
      .slice(0, 20)
      .map((line, i) => ({ lineId: line.id, billableUnits: String(Number(line.billableUnits) + (i % 2)), comment: `checked ${i}` }));
    const saved = await saveDraftOnce(db, { organisationId, reportId, edit: { baseVersion: report.version, lines: page }, actor, now });
    timings.save.push(performance.now() - started);
    if (saved.kind !== "changed") throw new Error(`bench save ${saved.kind}`);

    started = performance.now();
    const toComment = saved.report.lines
      .filter((line) => discrepancyOf(line) && !line.comment)
      .map((line) => ({ lineId: line.id, comment: "Seats released at month end" }));
    const submitted = await submitOnce(db, { organisationId, reportId, edit: { baseVersion: saved.report.version, lines: toComment }, actor, now });
    timings.submit.push(performance.now() - started);
    if (submitted.kind !== "changed") throw new Error(`bench submit ${submitted.kind}`);
  }
  console.log(`\n${label}: ${REPORTS} reports of ${LINES} lines`);
  console.log(`  import (open by the platform): ${summary(timings.import)}`);
  console.log(`  open (read + render page 1):  ${summary(timings.open)}`);
  console.log(`  save draft (20 lines):         ${summary(timings.save)}`);
  console.log(`  submit (comments on ${lines.filter((line) => line.billableUnits).length} discrepancies): ${summary(timings.submit)}`);
}

const dir = mkdtempSync(join(tmpdir(), "usage-bench-"));
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
const name = `usage_bench_${randomBytes(4).toString("hex")}`;
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
