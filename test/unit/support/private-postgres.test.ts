// The private PostgreSQL servers tests start for themselves (test/support/private-postgres.ts):
// a cluster of their own, stopped, hung, resumed and restarted on demand, gone without a trace
// afterwards, and run as an unprivileged account when the tests run as root.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrivatePostgres, serverAccount, startPrivatePostgres } from "../../support/private-postgres";

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

describe("a private PostgreSQL server", () => {
  let server: PrivatePostgres;
  beforeAll(async () => {
    server = await startPrivatePostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.destroy();
  });

  it("is a PostgreSQL 17 cluster of its own, for postgres over TCP without a password", async () => {
    expect(server.version).toMatch(/^17\./);
    expect(server.url).toBe(`postgresql://postgres@127.0.0.1:${server.port}/postgres`);
    await query(server.url, "CREATE DATABASE private_check");
    expect(await query(server.databaseUrl("private_check"), "SELECT lower('ÉCOLE') AS word")).toEqual([{ word: "école" }]);
  });

  it("stops, refusing connections, and starts again on the same data and port", async () => {
    await query(server.url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
    const before = server.pid;
    await server.stop();
    expect(server.pid).toBeUndefined();
    await expect(query(server.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
    await server.start();
    expect(server.pid).not.toBe(before);
    expect(await query(server.url, "SELECT n FROM kept")).toEqual([{ n: 42 }]);
  }, 30_000);

  it("hangs a session while paused and answers it once resumed", async () => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      server.pause();
      let answered = false;
      const pending = client.query("SELECT 7 AS n").then((result) => {
        answered = true;
        return result.rows;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(answered).toBe(false);
      server.resume();
      expect(await pending).toEqual([{ n: 7 }]);
    } finally {
      server.resume();
      await client.end();
    }
  });

  it("ends open sessions on restart and keeps its data", async () => {
    const client = new pg.Client({ connectionString: server.url });
    client.on("error", () => {});
    await client.connect();
    await server.restart();
    await expect(client.query("SELECT 1")).rejects.toThrow();
    await client.end().catch(() => {});
    expect(await query(server.url, "SELECT n FROM kept")).toEqual([{ n: 42 }]);
  }, 30_000);

  it("is gone, processes and folder, after destroy", async () => {
    const other = await startPrivatePostgres();
    const pid = other.pid ?? 0;
    const backend = ((await query(other.url, "SELECT pg_backend_pid() AS pid")) as { pid: number }[])[0]?.pid ?? 0;
    await other.destroy();
    expect(alive(backend)).toBe(false);
    expect(alive(pid)).toBe(false);
    expect(existsSync(other.folder)).toBe(false);
  }, 60_000);
});

describe("a private PostgreSQL server in a run that ends early", () => {
  it.each([
    ["interrupted with Ctrl-C", "wait", "SIGINT"],
    ["stopped with SIGTERM", "wait", "SIGTERM"],
    ["failing with an error", "throw", undefined],
  ] as const)(
    "leaves no server and no folder behind when %s",
    async (_case, mode, signal) => {
      const child = spawn(process.execPath, ["--import", "tsx", "test/unit/support/fixtures/interrupted-postgres.ts", mode], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const started = await new Promise<{ pid: number; folder: string }>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
          if (line) resolve(JSON.parse(line) as { pid: number; folder: string });
        });
        child.once("exit", (code) => reject(new Error(`the fixture exited with ${code} before starting: ${output}`)));
      });
      expect(existsSync(started.folder)).toBe(true);
      if (signal) child.kill(signal);
      await exited;
      expect(alive(started.pid)).toBe(false);
      expect(existsSync(started.folder)).toBe(false);
    },
    60_000,
  );
});

describe.runIf(process.getuid?.() === 0)("a private PostgreSQL server started by root (the server refuses to run as root)", () => {
  it("runs as nobody on a machine without a postgres account", async () => {
    const server = await startPrivatePostgres({ accounts: ["partner-ops-no-such-account", "nobody"] });
    try {
      expect(server.account).toBe("nobody");
      const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1];
      expect(uid).toBe(String(serverAccount(["nobody"]).uid));
      expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await server.destroy();
    }
  }, 60_000);

  it("says how to go on when no account can run the server", () => {
    expect(() => serverAccount(["partner-ops-no-such-account", "partner-ops-nor-this-one"])).toThrow(
      /PostgreSQL does not run as root.*partner-ops-no-such-account, partner-ops-nor-this-one.*TEST_POSTGRES_URL/,
    );
  });
});
