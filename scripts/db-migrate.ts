// Applies the committed migrations of the store DATABASE_URL names (SQLite by default).
// `npm start` runs it first; with PostgreSQL, Prisma's advisory lock lets several instances
// start at once.
import { migrateDatabase } from "../src/store/migrate";

const target = await migrateDatabase(process.env.DATABASE_URL);
console.log(`database ready (${target.provider})`);
