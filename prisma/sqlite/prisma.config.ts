// Prisma CLI configuration for the SQLite store: migrations run on the WebAssembly schema
// engine through the better-sqlite3 driver adapter, so no engine binary is downloaded.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { ensureSqliteFolder, resolveDatabaseUrl } from "../../src/platform/store/database-url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  // PRISMA_MIGRATIONS_FOLDER: set by src/platform/store/migrate.ts (tests apply an older release's).
  migrations: { path: process.env.PRISMA_MIGRATIONS_FOLDER ?? "migrations" },
  adapter: async () => {
    const target = resolveDatabaseUrl(process.env.DATABASE_URL);
    if (target.provider !== "sqlite") throw new Error("prisma/sqlite expects a file: DATABASE_URL");
    ensureSqliteFolder(target);
    return new PrismaBetterSQLite3({ url: target.url });
  },
});
