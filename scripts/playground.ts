// Starts Microsoft 365 Agents Playground, a local Teams-like chat, against the bot's message
// endpoint (http://localhost:${PORT:-3978}/api/messages) on the msteams channel. Start the bot
// first (`npm start`, no MicrosoftAppId: local mode), then run `npm run playground`; extra
// arguments go to the Playground (`npm run playground -- --port 56151`). The Playground's own
// output is passed through, and this script exits with the Playground's exit code.
//
// The Playground sends activities as its built-in user unless M365_AGENTS_PLAYGROUND_CONFIG_PATH
// (or ./.m365agentsplayground.yml) names other ids; the demo seed makes that built-in user an admin.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const ZPortSchema = z.coerce.number().int().min(1).max(65_535).default(3978);

/** Its own default log path is ./devTools/, which would litter the work tree; data/ is ignored by git. */
const DEFAULT_LOG_FILE = fileURLToPath(new URL("../data/agents-playground.log", import.meta.url));

function playgroundArguments(port: number, extra: readonly string[]): string[] {
  return [
    "--app-endpoint",
    `http://localhost:${port}/api/messages`,
    "--channel-id",
    "msteams",
    // Telemetry would try to reach the internet, which our machines cannot.
    "--disable-telemetry",
    ...extra,
  ];
}

function main(): void {
  const port = ZPortSchema.safeParse(process.env.PORT || undefined);
  if (!port.success) {
    console.error(`PORT "${process.env.PORT}" is not a TCP port (1-65535).`);
    process.exitCode = 1;
    return;
  }
  const cli = createRequire(import.meta.url).resolve("@microsoft/m365agentsplayground/cli.js");
  const args = playgroundArguments(port.data, process.argv.slice(2));
  console.log(`Agents Playground -> bot at http://localhost:${port.data}/api/messages (channel msteams)`);

  const child = spawn(process.execPath, [cli, ...args], {
    stdio: "inherit",
    env: { M365_AGENTS_PLAYGROUND_LOGFILE: DEFAULT_LOG_FILE, ...process.env },
  });
  // Ctrl-C reaches the whole process group already; a signal sent to this process alone is passed on.
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on("SIGTERM", forward("SIGTERM"));
  process.on("SIGINT", forward("SIGINT"));
  child.on("error", (error) => {
    console.error(`Could not start the Agents Playground: ${error.message}`);
    process.exitCode = 1;
  });
  child.on("exit", (code, signal) => {
    // A shell reports death by signal as 128 + its number; do the same.
    process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
  });
}

main();
