// Migrations as `npm start` and `npm run db:migrate` run them: the Prisma CLI ends as soon as
// its work is done (it used to linger 10 s on PostgreSQL, holding the advisory lock), several
// instances starting at once on a new database apply each migration once, and a migration
// that fails stops the start with Prisma's own message.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/platform/store/db";
import { migrateDatabase } from "../../src/platform/store/migrate";
import { createEmptyDatabaseUrl, createTestDatabaseUrl, testProvider } from "../support/database";

const committed = readdirSync(join("prisma", testProvider, "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const LINGERING_CLI = join(import.meta.dirname, "..", "support", "lingering-prisma-cli.mjs");

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

interface Instance {
  /** Milliseconds from spawn to the first /healthz answer; rejects with the output if the process exits first. */
  healthy: Promise<number>;
  exited: Promise<{ code: number | null; output: string }>;
  stop(): Promise<void>;
}

/** `npm start` as a deployment runs it: the bot's main module, migrating on start. */
async function startBot(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: "test",
      LOG_LEVEL: "error",
      MicrosoftAppId: "",
      REMINDERS_ENABLED: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once("exit", (code) => {
      children.delete(child);
      resolve({ code, output });
    }),
  );
  const healthy = (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}:\n${output}`);
      // Only a bound against a start that never comes: three at once took 37 s on a 2-core machine at load 10.
      if (performance.now() - started > 90_000) throw new Error(`no /healthz answer in 90 s:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    healthy,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

async function migrationRows(url: string): Promise<{ migration_name: string; finished: boolean }[]> {
  const opened = openDatabase(url, { poolSize: 1 });
  try {
    const rows = await opened.db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]>(
      "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    return rows.map((row) => ({ migration_name: row.migration_name, finished: row.finished_at !== null && row.rolled_back_at === null }));
  } finally {
    await opened.close();
  }
}

describe("migrations at start-up", () => {
  it("applies a new database's migrations and records each once", async () => {
    const database = await createEmptyDatabaseUrl();
    try {
      const { applied } = await migrateDatabase(database.url);
      expect(applied).toEqual(committed);
      expect(await migrationRows(database.url)).toEqual(committed.map((name) => ({ migration_name: name, finished: true })));
    } finally {
      await database.drop();
    }
  }, 60_000);

  it("ends the CLI once it reports success instead of waiting for it to exit", async () => {
    // The stand-in reports success and then stays alive, as Prisma's CLI did for 10 s on PostgreSQL.
    const database = await createEmptyDatabaseUrl();
    const pidDir = mkdtempSync(join(tmpdir(), "partner-ops-cli-"));
    const pidFile = join(pidDir, "pid");
    process.env.LINGERING_CLI_PID_FILE = pidFile;
    try {
      const { applied } = await migrateDatabase(database.url, { prismaCli: LINGERING_CLI });
      expect(applied).toEqual(committed);
      const pid = Number(readFileSync(pidFile, "utf8"));
      expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      delete process.env.LINGERING_CLI_PID_FILE;
      rmSync(pidDir, { recursive: true, force: true });
      await database.drop();
    }
  });

  it("still fails with the CLI's own message when a migration fails", async () => {
    const database = await createEmptyDatabaseUrl();
    process.env.LINGERING_CLI_FAIL = "1";
    try {
      await expect(migrateDatabase(database.url, { prismaCli: LINGERING_CLI })).rejects.toThrow(/database migration failed:[\s\S]*20990101000000_broken/);
    } finally {
      delete process.env.LINGERING_CLI_FAIL;
      await database.drop();
    }
  });

  it("finds nothing to apply on a migrated database", async () => {
    const database = await createTestDatabaseUrl();
    try {
      const { applied } = await migrateDatabase(database.url);
      expect(applied).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it("stops the start with Prisma's message when a migration fails", async () => {
    // The last migration is forgotten by the history but what it made stays: applying it again fails.
    const database = await createTestDatabaseUrl();
    try {
      const opened = openDatabase(database.url, { poolSize: 1 });
      const last = committed.at(-1) ?? "";
      await opened.db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '${last}'`);
      await opened.close();
      const bot = await startBot(database.url);
      await expect(bot.healthy).rejects.toThrow(/exited with 1/);
      const { code, output } = await bot.exited;
      expect(code).toBe(1);
      expect(output).toContain("database migration failed");
      expect(output).toContain(`migration_name="${last}"`);
      // The SQLite adapter's error reaches the CLI as "External error id#0": only PostgreSQL's text is Prisma's to show.
      if (testProvider === "postgres") expect(output).toMatch(/ERROR: .* already exists/);
    } finally {
      await database.drop();
    }
  }, 90_000);
});

describe.skipIf(testProvider === "sqlite")("instances starting together on a new PostgreSQL database (PostgreSQL only: SQLite serves one instance)", () => {
  // How long they take is measured by `npm run bench:startup`, never asserted here.
  it("has three instances started at the same moment all healthy, each migration applied once, by one of them", async () => {
    const database = await createEmptyDatabaseUrl();
    const bots: Instance[] = [];
    try {
      bots.push(...(await Promise.all([startBot(database.url), startBot(database.url), startBot(database.url)])));
      const healthyMs = await Promise.all(bots.map((bot) => bot.healthy));
      console.log(`three instances on a new database: ms to /healthz ${healthyMs.map((ms) => ms.toFixed(0)).join(", ")}`);
      expect(await migrationRows(database.url)).toEqual(committed.map((name) => ({ migration_name: name, finished: true })));
      await Promise.all(bots.map((bot) => bot.stop()));
      // The first one applies; the others wait for its lock, then find nothing left to do.
      const outputs = await Promise.all(bots.map(async (bot) => (await bot.exited).output));
      expect(outputs.filter((output) => output.includes(`applying ${committed.length} database migration(s)`))).toHaveLength(1);
    } finally {
      await Promise.all(bots.map((bot) => bot.stop()));
      await database.drop();
    }
  }, 180_000);
});
