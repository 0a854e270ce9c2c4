// `npm run import -- <file.json>`: brings a vendor portal export into the database that
// DATABASE_URL names (SQLite by default), migrating it first as `npm start` does. Prints what
// each section did; on any problem prints them all, writes nothing and exits non-zero.
import { readFileSync } from "node:fs";
import { configuredClock } from "../src/platform/clock";
import { describeProblem } from "../src/platform/import/problems";
import { importFormat } from "../src/platform/import/import-file";
import { runImport } from "../src/platform/import/run-import";
import { formatImportSummary } from "../src/platform/import/summary";
import { openDatabase } from "../src/platform/store/db";
import { migrateDatabase } from "../src/platform/store/migrate";
import { configOrExit } from "./config-or-exit";

const path = process.argv[2];
if (!path) {
  console.error("usage: npm run import -- <file.json>   (format: schemas/import.schema.json)");
  process.exit(2);
}

let input: unknown;
try {
  input = JSON.parse(readFileSync(path, "utf8"));
} catch (error) {
  console.error(`${path}: cannot read it as JSON: ${(error as Error).message}`);
  process.exit(1);
}

const { config, tables } = configOrExit();
await migrateDatabase(config.DATABASE_URL);
const { db, close } = openDatabase(config.DATABASE_URL);
try {
  const report = await runImport(importFormat(tables.importSections), db, input, configuredClock(config)());
  if (report.ok) {
    console.log(`imported ${path}`);
    for (const line of formatImportSummary(report.summary)) console.log(`  ${line}`);
  } else {
    console.error(`${path}: ${report.problems.length} problem(s), nothing was imported:`);
    for (const problem of report.problems) console.error(`  ${describeProblem(problem)}`);
    process.exitCode = 1;
  }
} finally {
  await close();
}
