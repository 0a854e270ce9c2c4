// Measures the vendor-portal import at the size of a large partner, on SQLite and PostgreSQL
// (a fresh, migrated database each): a file of BENCH_IMPORT_SIZE (50,000) engagements imported
// into an empty organisation, then the same file again (every record unchanged). Prints
// figures; asserts nothing. BENCH_DATABASES (sqlite,postgres) picks the databases.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { platformTables } from "../src/app";
import { importFormat } from "../src/platform/import/import-file";
import { runImport } from "../src/platform/import/run-import";
import { openDatabase } from "../src/platform/store/db";
import { migrateDatabase } from "../src/platform/store/migrate";
import { choosePostgresServer, databaseUrlOn, queryOn } from "../test/support/postgres-server";

const SIZE = Number(process.env.BENCH_IMPORT_SIZE ?? 50_000);
const DATABASES = (process.env.BENCH_DATABASES ?? "sqlite,postgres").split(",");
const now = new Date("2026-11-20T09:00:00Z");

const file = {
  version: 1,
  organisation: { tenantId: "bench-import", name: "Large partner", timeZone: "Europe/Paris" },
  engagements: Array.from({ length: SIZE }, (_, n) => ({
    externalId: `PI-${n}`,
    reference: `ENG-${100_000 + n}`,
    title: `Managed backup ${n}`,
    clientName: `Client ${n % 97}`,
    productName: "Backup as a Service",
    requestedBy: "Vendor portal",
    requestedAt: new Date(Date.UTC(2026, 5, 1) + n * 60_000).toISOString(),
  })),
};

async function measure(label: string, url: string): Promise<void> {
  await migrateDatabase(url);
  const opened = openDatabase(url, { poolSize: 4 });
  try {
    const seconds = async () => {
      const started = performance.now();
      const report = await runImport(importFormat(platformTables().importSections), opened.db, file, now);
      if (!report.ok) throw new Error(`import refused: ${JSON.stringify(report.problems.slice(0, 3))}`);
      return ((performance.now() - started) / 1000).toFixed(1);
    };
    const first = await seconds();
    const again = await seconds();
    console.log(`| ${label} | ${SIZE} | ${first} s | ${again} s |`);
  } finally {
    await opened.close();
  }
}

console.log("| database | engagements | first import | unchanged re-import |");
console.log("| --- | --- | --- | --- |");
if (DATABASES.includes("sqlite")) {
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  try {
    await measure("SQLite", `file:${join(dir, "bench.db")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (DATABASES.includes("postgres")) {
  const server = await choosePostgresServer();
  const name = `bench_import_${randomBytes(4).toString("hex")}`;
  try {
    await queryOn(server.url, `CREATE DATABASE ${name}`);
    await measure("PostgreSQL", databaseUrlOn(server.url, name));
  } finally {
    await queryOn(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.close();
  }
}
