// Measures what one turn of the bot costs next to a bare botbuilder + restify echo bot, on
// SQLite and PostgreSQL, for an organisation of 1k and one of 50k engagements. Both bots run
// as plain node processes (the bot from dist/, as `npm start` runs it) and reply to a stand-in
// Bot Connector; a closed-loop client (bench/turns/load.ts) drives them. Each round measures the
// echo bot, then every workload, so each ratio compares figures taken minutes apart at most.
// It checks every answer while it measures (the reply names the engagement asked for, every
// approval answered is stored exactly once, every billing entry answered is stored) and exits
// non-zero when one is wrong. Prints figures; asserts no speed. Beside req/s it prints the bot's
// CPU time per turn (from /proc): on a machine other work shares, that figure moves far less.
// Knobs: BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (2), BENCH_ROUNDS (2), BENCH_CONNECTIONS (32),
// BENCH_SIZES (1000,50000), BENCH_DATABASES (sqlite,postgres), BENCH_WORKLOADS (all);
// BENCH_PROFILE_DIR writes the bot's CPU profile (node --cpu-prof) there; BENCH_BOT_ROOT runs
// the bot built in another checkout (an earlier commit, to compare), on this one's migrations.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { type Db, openDatabase } from "../src/platform/store/db";
import { migrateDatabase } from "../src/platform/store/migrate";
import { choosePostgresServer, databaseUrlOn, queryOn } from "../test/support/postgres-server";
import { type BenchConnector, startBenchConnector } from "./turns/connector";
import { type LoadRequest, type LoadResult, runLoad } from "./turns/load";
import { type SeededOrganisation, seedOrganisation } from "./turns/seed";

const env = process.env;
const SECONDS = Number(env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(env.BENCH_WARMUP_SECONDS ?? 2);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 32);
const SIZES = (env.BENCH_SIZES ?? "1000,50000").split(",").map(Number);
const DATABASES = (env.BENCH_DATABASES ?? "sqlite,postgres").split(",");
/** 1 November, 10:00 in Paris: October's billing window is open, approvals are dated. */
const CLOCK = "2026-11-01T09:00:00Z";

type WorkloadName = "status" | "pending" | "approve" | "refresh" | "billing-submit";
const WORKLOADS: WorkloadName[] = ["status", "pending", "approve", "refresh", "billing-submit"];
const CHOSEN = env.BENCH_WORKLOADS ? (env.BENCH_WORKLOADS.split(",") as WorkloadName[]) : WORKLOADS;

interface Ledger {
  approved: Set<string>;
  billed: number;
  /** Pending engagements each round may approve: a small organisation's run out otherwise, and a later round would measure nothing. */
  approveShare?: number;
}

interface Row {
  database: string;
  round: number;
  workload: string;
  size: number | undefined;
  result: LoadResult;
  echo: LoadResult | undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startProcess(args: string[], extraEnv: Record<string, string>, cwd = process.cwd()): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { cwd, env: { ...env, ...extraEnv, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    if (Date.now() - started > 60_000) throw new Error(`${args.join(" ")}: no /healthz answer in 60 s`);
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url: `${base}/api/messages` };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function residentMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The reference the seed gave an engagement id (bench/turns/seed.ts). */
const referenceOf = (engagementId: string) => `ENG-${100_000 + Number(/-e(\d+)$/.exec(engagementId)?.[1])}`;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

function activity(connector: BenchConnector, organisation: SeededOrganisation, worker: number, fields: Record<string, unknown>) {
  const user = organisation.users[worker % organisation.users.length]!;
  return {
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    from: { id: user.teamsUserId, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: "28:partner-ops-bot", name: "Partner Ops" },
    conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: "personal", tenantId: organisation.tenantId },
    channelData: { tenant: { id: organisation.tenantId } },
    locale: "en-US",
    ...fields,
  };
}

function messageRequest(connector: BenchConnector, organisation: SeededOrganisation, worker: number, text: string, expect: string): LoadRequest {
  const sent = activity(connector, organisation, worker, { type: "message", text, localTimezone: "Europe/Paris" });
  return {
    body: JSON.stringify(sent),
    check: (status) => {
      const reply = connector.takeReply(sent.id);
      if (status !== 200) return `HTTP ${status} to "${text}"`;
      if (!reply?.includes(expect)) return `the reply to "${text}" lacks "${expect}": ${reply?.slice(0, 200)}`;
      return undefined;
    },
  };
}

function invokeRequest(
  connector: BenchConnector,
  organisation: SeededOrganisation,
  worker: number,
  action: { verb: string; data: Record<string, unknown>; trigger?: "automatic" },
  expect: string,
  onRight?: () => void,
): LoadRequest {
  const value = { action: { type: "Action.Execute", verb: action.verb, data: action.data }, trigger: action.trigger ?? "manual" };
  return {
    body: JSON.stringify(activity(connector, organisation, worker, { type: "invoke", name: "adaptiveCard/action", value })),
    check: (status, body) => {
      if (status !== 200) return `HTTP ${status} to ${action.verb}`;
      if (!body.includes('"application/vnd.microsoft.card.adaptive"') || !body.includes(expect))
        return `${action.verb} answered without "${expect}": ${body.slice(0, 200)}`;
      onRight?.();
      return undefined;
    },
  };
}

function workload(
  name: WorkloadName,
  connector: BenchConnector,
  organisation: SeededOrganisation,
  ledger: Ledger,
): (worker: number) => LoadRequest | undefined {
  switch (name) {
    case "status":
      return (worker) => {
        const reference = pick(organisation.references);
        return messageRequest(connector, organisation, worker, `status ${reference}`, reference);
      };
    case "pending":
      return (worker) => messageRequest(connector, organisation, worker, "pending", "pending engagement requests");
    case "approve": {
      ledger.approveShare ??= Math.floor(organisation.pendingIds.length / ROUNDS);
      const pool = organisation.pendingIds.splice(Math.max(0, organisation.pendingIds.length - ledger.approveShare));
      return (worker) => {
        const engagementId = pool.pop();
        if (!engagementId) return undefined;
        return invokeRequest(connector, organisation, worker, { verb: "engagement.approve", data: { engagementId } }, "You approved this request.", () =>
          ledger.approved.add(engagementId),
        );
      };
    }
    case "refresh":
      return (worker) => {
        const engagementId = pick(organisation.approvedIds);
        return invokeRequest(
          connector,
          organisation,
          worker,
          { verb: "engagement.refresh", data: { engagementId }, trigger: "automatic" },
          referenceOf(engagementId),
        );
      };
    case "billing-submit":
      return (worker) => {
        const data = {
          engagementId: pick(organisation.approvedIds),
          nonce: randomUUID(),
          quantity: "3",
          unitCost: "12.50",
          unit: "hour",
          currency: "EUR",
          month: "2026-10",
        };
        return invokeRequest(
          connector,
          organisation,
          worker,
          { verb: "billing.submit", data },
          "is recorded, waiting for the vendor",
          () => (ledger.billed += 1),
        );
      };
  }
}

/** What the database holds must match what was answered: each approval once, each entry stored. */
async function checkStored(db: Db, organisation: SeededOrganisation, ledger: Ledger): Promise<string[]> {
  const problems: string[] = [];
  const ids = [...ledger.approved];
  let stored = 0;
  let events = 0;
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    stored += await db.engagement.count({ where: { id: { in: chunk }, state: "approved", decidedById: { not: "seed" } } });
    events += await db.auditEntry.count({ where: { recordKind: "engagement", recordId: { in: chunk }, action: "approved" } });
  }
  if (stored !== ids.length) problems.push(`${organisation.tenantId}: ${ids.length} approvals answered, ${stored} stored`);
  if (events !== ids.length) problems.push(`${organisation.tenantId}: ${ids.length} approvals answered, ${events} approval events (duplicates or losses)`);
  const entries = await db.billingEntry.count({ where: { organisationId: organisation.organisationId } });
  if (entries !== ledger.billed) problems.push(`${organisation.tenantId}: ${ledger.billed} billing entries answered, ${entries} stored`);
  return problems;
}

/** utime + stime of a process, from /proc (Linux), in milliseconds. */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

const load = (server: { url: string; child: ChildProcess }, next: (worker: number) => LoadRequest | undefined) =>
  runLoad({
    url: server.url,
    connections: CONNECTIONS,
    warmupMs: WARMUP_SECONDS * 1000,
    durationMs: SECONDS * 1000,
    next,
    serverCpuMs: () => cpuMs(server.child),
  });

async function measureDatabase(
  label: string,
  url: string,
  connector: BenchConnector,
  echoBot: { url: string; child: ChildProcess },
  rows: Row[],
  problems: string[],
): Promise<void> {
  await migrateDatabase(url);
  const opened = openDatabase(url, { poolSize: 4 });
  const organisations: SeededOrganisation[] = [];
  for (const size of SIZES) organisations.push(await seedOrganisation(opened.db, `bench-${size}`, size, CONNECTIONS));
  const ledgers = new Map(organisations.map((organisation) => [organisation, { approved: new Set<string>(), billed: 0 } as Ledger]));
  const profile = env.BENCH_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", env.BENCH_PROFILE_DIR] : [];
  // Extra node flags for the bot process, after npm start's, e.g. "--max-old-space-size=4096" to measure without its cap.
  profile.push(...(env.BENCH_BOT_NODE_ARGS ?? "").split(" ").filter(Boolean));
  const bot = await startProcess(
    [...startScriptFlags(), ...profile, "dist/main.js"],
    {
      DATABASE_URL: url,
      LOG_LEVEL: "warn",
      MIGRATE_ON_START: "false",
      REMINDERS_ENABLED: "false",
      FIXED_CLOCK: CLOCK,
      DATABASE_POOL_SIZE: "10",
    },
    env.BENCH_BOT_ROOT,
  );
  const started = residentMb(bot.child);
  // The first turns load the models and warm the JIT: run some before any round counts.
  const [first] = organisations;
  if (first) await load(bot, workload("status", connector, first, ledgers.get(first)!));
  let turns = 0;
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const [anyOrganisation] = organisations;
      if (!anyOrganisation) break;
      const echoMessage = await load(echoBot, (worker) => messageRequest(connector, anyOrganisation, worker, "hello", "echo: hello"));
      const echoInvoke = await load(echoBot, (worker) => ({
        body: JSON.stringify(activity(connector, anyOrganisation, worker, { type: "invoke", name: "adaptiveCard/action", value: {} })),
        check: (status) => (status === 200 ? undefined : `echo invoke HTTP ${status}`),
      }));
      rows.push({ database: label, round, workload: "echo message", size: undefined, result: echoMessage, echo: echoMessage });
      rows.push({ database: label, round, workload: "echo invoke", size: undefined, result: echoInvoke, echo: echoInvoke });
      for (const name of CHOSEN) {
        for (const organisation of organisations) {
          const result = await load(bot, workload(name, connector, organisation, ledgers.get(organisation)!));
          turns += result.requests;
          const echo = name === "status" || name === "pending" ? echoMessage : echoInvoke;
          rows.push({ database: label, round, workload: name, size: organisation.size, result, echo });
          printRow(rows.at(-1)!);
          if (name === "approve" && result.seconds < SECONDS * 0.95) {
            console.log(
              `  (approve at ${organisation.size}: this round's ${ledgers.get(organisation)?.approveShare} pending engagements lasted ${fixed(result.seconds, 1)} s of ${SECONDS} s; req/s is over that time)`,
            );
          }
        }
      }
    }
    console.log(
      `${label}: bot resident memory ${started.toFixed(0)} MB at start, ${residentMb(bot.child).toFixed(0)} MB after about ${turns} measured turns (warm-ups not counted)`,
    );
  } finally {
    await stopProcess(bot.child);
  }
  for (const organisation of organisations) problems.push(...(await checkStored(opened.db, organisation, ledgers.get(organisation)!)));
  await opened.close();
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

/** The node flags `npm start` runs the bot with (package.json), so the bot measured is the one started. */
function startScriptFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(env.BENCH_BOT_ROOT ?? ".", "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  return start.split(" ").filter((word) => word.startsWith("--"));
}

function printRow(row: Row): void {
  const { result, echo } = row;
  const ratio = echo && row.size !== undefined ? `${fixed(result.perSecond / echo.perSecond, 3)}x` : "";
  const cpuRatio = echo && row.size !== undefined ? `${fixed(result.cpuMsPerRequest / echo.cpuMsPerRequest, 1)}x` : "";
  const cells = [
    row.database,
    String(row.round),
    row.workload,
    row.size === undefined ? "" : String(row.size),
    fixed(result.perSecond),
    fixed(result.p50, 1),
    fixed(result.p99, 1),
    String(result.errors),
    ratio,
    fixed(result.cpuMsPerRequest, 2),
    cpuRatio,
  ];
  console.log(`| ${cells.join(" | ")} |`);
  for (const error of result.firstErrors) console.log(`    error: ${error}`);
}

spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" });
console.log(`bench:turns on ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(
  `${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s per workload, ${ROUNDS} rounds; the load generator and the stand-in connector share the machine`,
);
console.log("| database | round | workload | engagements | req/s | p50 ms | p99 ms | errors | x echo | bot CPU ms/turn | CPU x echo |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");

const connector = await startBenchConnector();
const echo = await startProcess(["bench/turns/echo-bot.mjs"], {});
const rows: Row[] = [];
const problems: string[] = [];
try {
  for (const database of DATABASES) {
    if (database === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), "bench-turns-"));
      try {
        await measureDatabase("SQLite", `file:${join(dir, "bench.db")}`, connector, echo, rows, problems);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      const server = await choosePostgresServer();
      const name = `bench_turns_${randomBytes(4).toString("hex")}`;
      await queryOn(server.url, `CREATE DATABASE ${name}`);
      try {
        await measureDatabase("PostgreSQL", databaseUrlOn(server.url, name), connector, echo, rows, problems);
      } finally {
        await queryOn(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await server.close();
      }
    }
  }
} finally {
  await stopProcess(echo.child);
  await connector.close();
}

console.log("\nMean over rounds (x echo: the bot's req/s over the echo bot's in the same round):");
console.log("| database | workload | engagements | req/s | p99 ms | x echo | CPU ms/turn | CPU x echo | errors |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
const groups = new Map<string, Row[]>();
for (const row of rows.filter((r) => r.size !== undefined || r.workload.startsWith("echo"))) {
  const key = `${row.database}|${row.workload}|${row.size ?? ""}`;
  groups.set(key, [...(groups.get(key) ?? []), row]);
}
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
for (const [key, group] of groups) {
  const [database, name, size] = key.split("|");
  const ratio = mean(group.map((row) => row.result.perSecond / (row.echo?.perSecond ?? Number.NaN)));
  const cpuRatio = mean(group.map((row) => row.result.cpuMsPerRequest / (row.echo?.cpuMsPerRequest ?? Number.NaN)));
  const errors = group.reduce((sum, row) => sum + row.result.errors, 0);
  const cpu = fixed(mean(group.map((row) => row.result.cpuMsPerRequest)), 2);
  console.log(
    `| ${database} | ${name} | ${size} | ${fixed(mean(group.map((row) => row.result.perSecond)))} | ${fixed(mean(group.map((row) => row.result.p99)), 1)} | ${size ? `${fixed(ratio, 3)}x` : ""} | ${cpu} | ${size ? `${fixed(cpuRatio, 1)}x` : ""} | ${errors} |`,
  );
}
const errors = rows.reduce((sum, row) => sum + row.result.errors, 0);
if (errors > 0) problems.push(`${errors} answers were wrong or failed`);
if (problems.length > 0) {
  console.error(`\nbench:turns FAILED its correctness checks:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
  process.exit(1);
}
console.log("\nEvery answer checked right; every approval answered is stored once; every billing entry answered is stored.");
