// `npm run seed:demo`: loads the demo organisation (src/import/demo/) into the database that
// DATABASE_URL names, migrating it first. Running it again changes nothing. Its dates are ages
// counted back from the clock (FIXED_CLOCK, in tests) at the first seeding.
import { configuredClock } from "../src/platform/clock";
import { seedDemo } from "../src/platform/import/demo/seed-demo";
import { formatImportSummary } from "../src/platform/import/summary";
import { openDatabase } from "../src/platform/store/db";
import { migrateDatabase } from "../src/platform/store/migrate";
import { configOrExit } from "./config-or-exit";

const { config, tables } = configOrExit();
await migrateDatabase(config.DATABASE_URL);
const { db, close } = openDatabase(config.DATABASE_URL);
try {
  const { summary, steps } = await seedDemo(db, tables, configuredClock(config)());
  console.log("demo data ready");
  for (const line of formatImportSummary(summary)) console.log(`  ${line}`);
  for (const step of steps) console.log(`  ${step.step}: ${step.applied} applied, ${step.unchanged} unchanged`);
} finally {
  await close();
}
