// `npm run import -- <file.json>`: brings a vendor portal export into the database that
// DATABASE_URL names (SQLite by default), migrating it first as `npm start` does. Prints what
// each section did; on any problem prints them all, writes nothing and exits non-zero.
// `npm run import -- <file.csv> [--tenant <tenant id>]`: a file type a workflow reads (its
// `importFiles`), for an organisation the database already holds (the only one, or the named one).
import { readFileSync } from "node:fs";
import { configuredClock } from "../src/platform/clock";
import { importFileOf, organisationForFile, readerFor } from "../src/platform/import/file-reader";
import { describeProblem } from "../src/platform/import/problems";
import { importFormat } from "../src/platform/import/import-file";
import { runImport } from "../src/platform/import/run-import";
import { formatImportSummary } from "../src/platform/import/summary";
import { openDatabase } from "../src/platform/store/db";
import { migrateDatabase } from "../src/platform/store/migrate";
import { configOrExit } from "./config-or-exit";

const [path, flag, tenantId] = process.argv.slice(2);
if (!path || (flag !== undefined && (flag !== "--tenant" || !tenantId))) {
  console.error("usage: npm run import -- <file.json>   (format: schemas/import.schema.json)");
  console.error("       npm run import -- <file.csv> [--tenant <tenant id>]");
  process.exit(2);
}

const { config, tables } = configOrExit();
const reader = readerFor(tables.importFiles, path);

let bytes: Buffer;
try {
  bytes = readFileSync(path);
} catch (error) {
  console.error(`${path}: cannot read it: ${(error as Error).message}`);
  process.exit(1);
}

let input: unknown;
if (!reader) {
  try {
    input = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    console.error(`${path}: cannot read it as JSON: ${(error as Error).message}`);
    process.exit(1);
  }
}

await migrateDatabase(config.DATABASE_URL);
const { db, close } = openDatabase(config.DATABASE_URL);
try {
  if (reader) {
    const reading = reader.read(bytes);
    const organisation = await organisationForFile(db, tenantId);
    if (!reading.ok) {
      console.error(`${path}: ${reading.problems.length} problem(s), nothing was imported:`);
      for (const problem of reading.problems) console.error(`  ${describeProblem(problem)}`);
      process.exitCode = 1;
    } else if (typeof organisation === "string") {
      console.error(`${path}: ${organisation}; nothing was imported`);
      process.exitCode = 1;
    } else {
      input = importFileOf(organisation, reading.sections);
    }
  }
  if (input !== undefined) {
    const report = await runImport(importFormat(tables.importSections), db, input, configuredClock(config)());
    if (report.ok) {
      console.log(`imported ${path}`);
      for (const line of formatImportSummary(report.summary)) console.log(`  ${line}`);
    } else {
      console.error(`${path}: ${report.problems.length} problem(s), nothing was imported:`);
      for (const problem of report.problems) console.error(`  ${describeProblem(problem)}`);
      process.exitCode = 1;
    }
  }
} finally {
  await close();
}
