// Child processes the end-to-end run owns (the bot, the Agents Playground): started in their
// own process group so that stopping one also stops what it spawned (tsx, npm shims), with
// their output kept in a log file for when a journey fails.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Service {
  name: string;
  child: ChildProcess;
  /** Everything the process printed so far, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<Service>();

// An interrupted runner must not leave a bot or a Playground listening behind it. Prepended:
// vitest's own handlers call process.exit() again from inside "exit", which skips any listener
// registered after theirs.
const leftovers = new Set<string>();
const cleanUp = () => {
  for (const service of running) killGroup(service.child, "SIGKILL");
  for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
};
process.prependListener("exit", cleanUp);
process.prependListener("SIGINT", cleanUp);
process.prependListener("SIGTERM", cleanUp);

/** A temporary folder removed by `remove()` or, if the run is interrupted, on exit. */
export function temporaryFolder(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  leftovers.add(path);
  return {
    path,
    remove: () => {
      leftovers.delete(path);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

export function startService(name: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; logFile: string }): Service {
  const child = spawn(command, args, { env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log = createWriteStream(options.logFile);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    log.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const service: Service = {
    name,
    child,
    output: () => output,
    stop: async () => {
      running.delete(service);
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child, "SIGTERM");
        const killed = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
        await exited;
        clearTimeout(killed);
      }
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
  running.add(service);
  return service;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Waits until `url` answers 2xx, failing early with the service's output if it exits. */
export async function waitForHttp(service: Service, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`${service.name} exited with code ${service.child.exitCode} before answering ${url}:\n${service.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} did not answer ${url} within ${timeoutMs} ms:\n${service.output()}`);
}

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output}`))));
  });
}
