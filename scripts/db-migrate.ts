// Applies the committed migrations of the store DATABASE_URL names (SQLite by default).
// `npm start` runs it first; with PostgreSQL, advisory locks let several instances start at once.
import { migrateDatabase } from "../src/platform/store/migrate";

const { target, applied } = await migrateDatabase(process.env.DATABASE_URL, { log: (line) => console.error(line) });
console.log(`database ready (${target.provider}): ${applied.length === 0 ? "nothing to apply" : `${applied.length} migration(s) applied`}`);
