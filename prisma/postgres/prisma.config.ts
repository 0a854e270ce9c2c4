// Prisma CLI configuration for the PostgreSQL store. adapter-pg 7.x runs migrate on the
// WebAssembly schema engine (6.19's adapter cannot: prisma/orm#27403).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  // PRISMA_MIGRATIONS_FOLDER: set by src/platform/store/migrate.ts (tests apply an older release's).
  migrations: { path: process.env.PRISMA_MIGRATIONS_FOLDER ?? "migrations" },
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error("prisma/postgres expects a postgres:// DATABASE_URL");
    // allowExitOnIdle: an idle pool would otherwise hold the CLI open for its 10 s idle timeout.
    // The schema engine's lock timer holds it 10 s as well: src/platform/store/migrate.ts ends the CLI.
    return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  },
});
