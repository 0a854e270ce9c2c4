// Measures what `npm start` costs on a machine: from spawning the bot with no configuration
// (only a fresh SQLite file and a free port) until GET /healthz answers, first on an empty
// database (the migrations run) and then on a migrated one; and the process's resident
// memory once it answers. Prints figures; asserts nothing.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const RUNS = 3;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startOnce(databaseUrl: string): Promise<{ healthzMs: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", REMINDERS_ENABLED: "true" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error("no /healthz answer in 60 s");
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const healthzMs = performance.now() - started;
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { healthzMs, rssMb: rssKb / 1024 };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const rows: string[] = [];
for (let run = 1; run <= RUNS; run += 1) {
  const dir = mkdtempSync(join(tmpdir(), "partner-ops-startup-"));
  const url = `file:${join(dir, "bot.db")}`;
  try {
    const fresh = await startOnce(url);
    const warm = await startOnce(url);
    rows.push(`${String(run).padStart(3)}  ${fresh.healthzMs.toFixed(0).padStart(16)}  ${warm.healthzMs.toFixed(0).padStart(19)}  ${warm.rssMb.toFixed(0).padStart(6)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log("run  empty db: ms to /healthz  migrated db: ms to /healthz  RSS MB");
for (const row of rows) console.log(row);
