// Starts Microsoft 365 Agents Playground, a local Teams-like chat, against the bot's message
// endpoint (http://localhost:${PORT:-3978}/api/messages) on the msteams channel. Start the bot
// first (`npm start`, no MicrosoftAppId: local mode), then run `npm run playground`; extra
// arguments go to the Playground (`npm run playground -- --port 56151`). The Playground's own
// output is passed through, and this script exits with the Playground's exit code.
//
// The Playground sends activities as its built-in user unless M365_AGENTS_PLAYGROUND_CONFIG_PATH
// (or ./.m365agentsplayground.yml) names other ids; the demo seed makes that built-in user an admin.
//
// It opens a browser on its page by spawning `xdg-open` on Linux, and crashes when that program
// is missing (the spawn error is not handled). It reads TEAMSAPPTESTER_BROWSER=none as "do not
// open one" (not BROWSER), so this script sets that wherever no browser can be opened: with
// BROWSER=none, or on Linux without a desktop session or without xdg-open.
import { spawn } from "node:child_process";
import { accessSync, constants as fsConstants } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { delimiter, join, resolve } from "node:path";
import type { Readable } from "node:stream";
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

export type BrowserLaunch = { open: true } | { open: false; reason: string };

/** Whether the Playground may open a browser here; `findProgram` looks a program up on PATH. */
export function browserLaunch(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  findProgram: (name: string) => boolean = (name) => onPath(name, env.PATH),
): BrowserLaunch {
  if (env.BROWSER === "none" || env.TEAMSAPPTESTER_BROWSER === "none") return { open: false, reason: "BROWSER=none" };
  // macOS' `open` and Windows' `start` are always there; so is WSL's route through Windows.
  if (platform !== "linux" || env.WSL_DISTRO_NAME) return { open: true };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { open: false, reason: "no desktop session (neither DISPLAY nor WAYLAND_DISPLAY is set)" };
  if (!findProgram("xdg-open")) return { open: false, reason: "xdg-open is not installed" };
  return { open: true };
}

function onPath(name: string, path = ""): boolean {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir || ".", name), fsConstants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Passes the Playground's output on and prints its address once it listens. */
function announceAddress(output: Readable, opening: boolean): void {
  let seen: string | undefined = "";
  output.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (seen === undefined) return;
    seen += chunk.toString();
    const port = /Listening on (\d+)/.exec(seen)?.[1];
    if (!port) return;
    seen = undefined;
    console.log(`Agents Playground is ready: http://localhost:${port}${opening ? " (opening it in your browser)" : ""}`);
  });
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
  const browser = browserLaunch(process.env, process.platform);
  if (!browser.open) console.log(`Not opening a browser (${browser.reason}).`);

  const child = spawn(process.execPath, [cli, ...args], {
    // Its output is passed through; stdout is read for the port it really took (a busy one
    // makes it pick another), since it prints its address only to a terminal.
    stdio: ["inherit", "pipe", "inherit"],
    env: {
      M365_AGENTS_PLAYGROUND_LOGFILE: DEFAULT_LOG_FILE,
      ...process.env,
      ...(browser.open ? {} : { TEAMSAPPTESTER_BROWSER: "none" }),
    },
  });
  announceAddress(child.stdout, browser.open);
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
