// Generates both Prisma clients (SQLite and PostgreSQL) so one build serves either store.
// Runs from postinstall: the Prisma packages' own install scripts stay disabled (they would
// download engines); the "client" engine needs none. Generation reads no database, but the
// CLI wants a URL of the schema's own kind, or it falls back to downloading an engine.
import { execFileSync } from "node:child_process";

const placeholderUrl = {
  sqlite: "file:./data/generate-only.db",
  postgres: "postgresql://generate-only@127.0.0.1:5432/generate-only",
};

for (const [provider, url] of Object.entries(placeholderUrl)) {
  execFileSync("npx", ["prisma", "generate", "--config", `prisma/${provider}/prisma.config.ts`], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", DATABASE_URL: url },
  });
}
