// The whole thing a person would run on a laptop, started for one end-to-end run: a fresh
// SQLite database with the demo seeded by `npm run seed:demo`'s script, the bot as a process
// (src/main.ts, local mode), and the Microsoft 365 Agents Playground pointed at it. The seed
// and the bot run on the run's clock (e2e-clock.ts), whatever today's date is.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type E2eClock, fixedClockNow, startE2eClock } from "./e2e-clock";
import { PLAYGROUND_USER_TIME_ZONE } from "./playground-user";
import { freePort, runToEnd, type Service, startService, temporaryFolder, waitForHttp } from "./processes";

export interface E2eStack {
  /** Removed with the stack: the database, and room for the browser's profile. */
  tempDir: string;
  databaseUrl: string;
  clock: E2eClock;
  botUrl: string;
  playgroundUrl: string;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, "..", "..", "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

export async function startE2eStack(outputDir: string): Promise<E2eStack> {
  mkdirSync(outputDir, { recursive: true });
  const temp = temporaryFolder("partner-ops-e2e-");
  const databaseUrl = `file:${join(temp.path, "e2e.db")}`;
  const clock = startE2eClock();
  const services: Service[] = [];
  const stop = async () => {
    for (const service of services.reverse()) await service.stop();
    temp.remove();
  };

  try {
    // The seed script migrates the new database first, as it does for a newcomer.
    const seeded = await runToEnd(bin("tsx"), [join(root, "scripts", "seed-demo.ts")], {
      ...process.env,
      DATABASE_URL: databaseUrl,
      FIXED_CLOCK: fixedClockNow(clock),
    });
    if (!seeded.includes("demo data ready")) throw new Error(`the demo seed said:\n${seeded}`);

    const botPort = await freePort();
    const bot = startService("bot", bin("tsx"), [join(root, "src", "main.ts")], {
      env: {
        ...process.env,
        PORT: String(botPort),
        DATABASE_URL: databaseUrl,
        FIXED_CLOCK: fixedClockNow(clock),
        NODE_ENV: "development",
        LOG_LEVEL: "info",
        MicrosoftAppId: "",
      },
      logFile: join(outputDir, "bot.log"),
    });
    services.push(bot);
    const botUrl = `http://127.0.0.1:${botPort}`;

    const playgroundPort = await freePort();
    const playground = startService(
      "Agents Playground",
      bin("agentsplayground"),
      ["-e", `${botUrl}/api/messages`, "-c", "msteams", "-p", String(playgroundPort), "--dt"],
      // It opens no browser with TEAMSAPPTESTER_BROWSER=none (see scripts/playground.ts), and
      // reports its own process's zone as the user's Teams localTimezone.
      {
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", TZ: PLAYGROUND_USER_TIME_ZONE },
        logFile: join(outputDir, "playground.log"),
      },
    );
    services.push(playground);
    const playgroundUrl = `http://127.0.0.1:${playgroundPort}`;

    await Promise.all([waitForHttp(bot, `${botUrl}/readyz`, 60_000), waitForHttp(playground, playgroundUrl, 60_000)]);
    return { tempDir: temp.path, databaseUrl, clock, botUrl, playgroundUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
