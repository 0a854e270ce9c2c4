// Runs the bot as a process: reads the configuration, applies any committed migration the
// database lacks (unless MIGRATE_ON_START=false), starts the app, and stops it cleanly on
// SIGTERM/SIGINT. The app's modules load while the migrations run: the Prisma CLI is a
// process of its own, so the two share the machine's cores instead of taking turns.
import { ConfigError, loadConfig } from "./platform/config";
import { migrateDatabase } from "./platform/store/migrate";

try {
  // The core settings say where the database is; the workflows' settings are checked with the app.
  const core = loadConfig();
  const [{ startApp, loadAppConfig }] = await Promise.all([
    import("./app"),
    core.MIGRATE_ON_START ? migrateDatabase(core.DATABASE_URL, { log: (line) => console.error(line) }) : undefined,
  ]);
  const app = await startApp(loadAppConfig());
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
