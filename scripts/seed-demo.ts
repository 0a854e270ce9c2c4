// `npm run seed:demo`: loads the demo organisation (src/import/demo/) into the database that
// DATABASE_URL names, migrating it first. Running it again changes nothing.
import { seedDemo } from "../src/import/demo/seed-demo";
import { formatImportSummary } from "../src/import/summary";
import { openDatabase } from "../src/store/db";
import { migrateDatabase } from "../src/store/migrate";

await migrateDatabase(process.env.DATABASE_URL);
const { db, close } = openDatabase(process.env.DATABASE_URL);
try {
  const { summary, steps } = await seedDemo(db, new Date());
  console.log("demo data ready");
  for (const line of formatImportSummary(summary)) console.log(`  ${line}`);
  for (const step of steps) console.log(`  ${step.step}: ${step.applied} applied, ${step.unchanged} unchanged`);
} finally {
  await close();
}
