// Runs the bot as a process: reads the configuration, applies any committed migration the
// database lacks (unless MIGRATE_ON_START=false), starts the app, and stops it cleanly on
// SIGTERM/SIGINT.
import { startApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { openDatabase } from "./store/db";
import { migrateDatabase, pendingMigrations } from "./store/migrate";

try {
  const config = loadConfig();
  if (config.MIGRATE_ON_START) {
    const probe = openDatabase(config.DATABASE_URL, { poolSize: 1 });
    const pending = await pendingMigrations(probe.db, probe.target);
    await probe.close();
    if (pending.length > 0) {
      console.error(`applying ${pending.length} database migration(s): ${pending.join(", ")}`);
      await migrateDatabase(config.DATABASE_URL);
    }
  }
  const app = await startApp(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.services.logger.info({ signal }, "shutting down");
    await app.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
