// Measures what `npm start` costs on a machine, on SQLite and on PostgreSQL: from spawning the
// compiled bot (`node dist/main.js`, what `npm start` runs once dist/ is built) with no other
// configuration (a new database and a free port) until GET /healthz answers, first on an empty
// database (the migrations run) and then on a migrated one; the process's resident memory once
// it answers; `npm run db:migrate` on the migrated database (nothing to apply); and, on
// PostgreSQL, three instances started at once on a new database. Prints figures; asserts
// nothing. PostgreSQL is the tests' server (test/support/postgres-server.ts): an embedded one
// when no other answers.
import { randomBytes } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { choosePostgresServer, databaseUrlOn, queryOn } from "../test/support/postgres-server";

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
  const child = spawn(process.execPath, ["dist/main.js"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", REMINDERS_ENABLED: "true" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error("no /healthz answer in 60 s");
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
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

/** `npm run db:migrate`, through the npm that runs this script when there is one. */
async function migrateOnce(databaseUrl: string): Promise<number> {
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, "run", "-s", "db:migrate"]] : ["npm", ["run", "-s", "db:migrate"]];
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "ignore" });
  const code = await new Promise((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`npm run db:migrate exited with ${code}`);
  return performance.now() - started;
}

async function measure(databaseUrl: string): Promise<string> {
  const fresh = await startOnce(databaseUrl);
  const warm = await startOnce(databaseUrl);
  const migrateMs = await migrateOnce(databaseUrl);
  return `${fresh.healthzMs.toFixed(0).padStart(24)}  ${warm.healthzMs.toFixed(0).padStart(27)}  ${warm.rssMb.toFixed(0).padStart(6)}  ${migrateMs.toFixed(0).padStart(13)}`;
}

// `npm start` builds dist/ first when a source changed (prestart); build it once here.
spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" });
const rows: string[] = [];
const together: string[] = [];
for (let run = 1; run <= RUNS; run += 1) {
  const dir = mkdtempSync(join(tmpdir(), "partner-ops-startup-"));
  try {
    rows.push(`SQLite      ${String(run).padStart(3)}  ${await measure(`file:${join(dir, "bot.db")}`)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const server = await choosePostgresServer();
try {
  for (let run = 1; run <= RUNS; run += 1) {
    const name = `partner_ops_startup_${randomBytes(4).toString("hex")}`;
    await queryOn(server.url, `CREATE DATABASE ${name}`);
    try {
      rows.push(`PostgreSQL  ${String(run).padStart(3)}  ${await measure(databaseUrlOn(server.url, name))}`);
    } finally {
      await queryOn(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  // Three instances of a deployment started at the same moment on one new database: one applies
  // the migrations, the others wait for its lock, then find nothing left to do.
  for (let run = 1; run <= RUNS; run += 1) {
    const name = `partner_ops_startup_${randomBytes(4).toString("hex")}`;
    await queryOn(server.url, `CREATE DATABASE ${name}`);
    try {
      const url = databaseUrlOn(server.url, name);
      const started = await Promise.all([startOnce(url), startOnce(url), startOnce(url)]);
      together.push(`PostgreSQL  ${String(run).padStart(3)}  ${started.map((bot) => bot.healthzMs.toFixed(0).padStart(6)).join("  ")}`);
    } finally {
      await queryOn(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
} finally {
  await server.close();
}
console.log(`PostgreSQL: ${server.description}`);
console.log("database    run  empty db: ms to /healthz  migrated db: ms to /healthz  RSS MB  db:migrate ms");
for (const row of rows) console.log(row);
console.log("three instances started at once on a new database: ms to /healthz of each");
for (const row of together) console.log(row);
