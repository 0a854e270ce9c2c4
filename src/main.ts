// Runs the bot as a process: reads the configuration, starts the app, stops it cleanly on
// SIGTERM/SIGINT. `npm start` migrates the database first (scripts/db-migrate.ts).
import { startApp } from "./app";
import { ConfigError, loadConfig } from "./config";

try {
  const app = await startApp(loadConfig());
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
