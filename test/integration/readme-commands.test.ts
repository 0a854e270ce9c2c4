// Every command README.md shows works on a fresh clone in the order shown. The table below
// lists each one, in the README's order, with how this test runs it or why another test
// does; the first test fails when the README and the table drift apart. The commands run as
// a reader types them (`sh -c`, from the repository's root) against a database that does
// not exist yet, on the README's default store, SQLite.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBillingEntryByReference } from "../../src/workflows/engagements/store/billing";
import { openDatabase } from "../../src/platform/store/db";
import { findEngagementByReference } from "../../src/workflows/engagements/store/engagements";
import { findOrganisationByTenant } from "../../src/platform/store/organisations";
import { PLAYGROUND_TENANT_ID } from "../../src/platform/import/demo/playground-identities";
import { testProvider } from "../support/database";
import { readmeCommands } from "../support/readme-commands";

const root = resolve(import.meta.dirname, "..", "..");
const VENDOR_API_KEY = "readme-example-key-0123456789";
/** After the example files' dates, so the vendor's decisions are not in the future. */
const FIXED_CLOCK = "2026-12-01T09:30:00+01:00";

interface Context {
  env: NodeJS.ProcessEnv;
  databaseUrl: string;
  /** The bot a `npm start` step left running, for the commands that talk to it. */
  bot?: RunningBot;
}

type Step = { command: string; skip: string } | { command: string; run: (context: Context, command: string) => Promise<void> };

const STEPS: Step[] = [
  { command: "npm install", skip: "the suite runs in an installed clone; .ci/run installs a clean one with npm ci" },
  { command: "npm start", run: async (context, command) => stopBot(await startBot(context, command)) },
  { command: "npm install --foreground-scripts", skip: "npm install again, showing the compiler" },
  { command: "npm rebuild better-sqlite3", skip: "a repair step: it recompiles the driver for minutes; .ci/run's npm ci builds it from scratch" },
  { command: "npm_config_nodedir=<node folder> npm rebuild better-sqlite3", skip: "a repair step; .ci/run builds the driver that way" },
  { command: "npm run build", run: expectOutput(/built dist\/ from \d+ files/) },
  { command: "npm run dev", skip: "npm start with tsx watching the sources; it never ends" },
  { command: "npm run seed:demo", run: expectOutput(/demo data ready/) },
  { command: "npm run playground", skip: "test/unit/scripts/playground.test.ts starts it and loads its page" },
  { command: "npm test", skip: "the suite this test is part of" },
  { command: "npm run test:calendar", skip: "this suite again, once per pinned day" },
  { command: "npm run test:e2e", skip: "the browser journeys; .ci/run runs them" },
  { command: "npm run test:faults", skip: "the fault tests; .ci/run runs them" },
  { command: "npm run bench:startup", skip: "benchmarks take minutes and print figures" },
  { command: "npm run db:migrate", run: expectOutput(/database ready \(sqlite\)/) },
  { command: "npm run bench:nlu", skip: "benchmarks take minutes and print figures" },
  { command: "npm run bench:reminders", skip: "benchmarks take minutes and print figures" },
  { command: "npm run bench:billing", skip: "benchmarks take minutes and print figures" },
  { command: "npm run bench:turns", skip: "benchmarks take minutes and print figures" },
  { command: "npm run bench:import", skip: "benchmarks take minutes and print figures" },
  { command: "npm run bench:events", skip: "benchmarks take minutes and print figures" },
  { command: "npm ci", skip: ".ci/run runs it on a clean clone" },
  { command: "npm run test:calendar -- --sqlite --only first-of-month", skip: "this suite again, on one pinned day; .ci/run runs it" },
  {
    command: "VENDOR_API_KEY=<24 characters or more> npm start",
    run: async (context, command) => {
      context.bot = await startBot(context, command.replace("<24 characters or more>", VENDOR_API_KEY));
    },
  },
  {
    command: `curl -sS -X POST http://localhost:3978/api/v1/billing-decisions -H "Authorization: Bearer $VENDOR_API_KEY" -H "Content-Type: application/json" -d '{ "decisionId": "IBM-RATE-2026-118842", "organisationTenantId": "00000000-0000-0000-0000-0000000000001", "submissionReference": "ENG-991-B1", "outcome": "rated", "ratedAmount": "1187.50", "currency": "EUR" }'`,
    run: async (context, command) => {
      const bot = context.bot;
      if (!bot) throw new Error("the README starts the bot before this command");
      // The bot of this test listens on a free port, not on 3978.
      const output = await runToEnd(command.replace("http://localhost:3978", bot.baseUrl), { ...context.env, VENDOR_API_KEY });
      expect(JSON.parse(output)).toMatchObject({ submissionReference: "ENG-991-B1", state: "rated", ratedAmount: "1187.50", replayed: false });
      await stopBot(bot);
      context.bot = undefined;
    },
  },
  {
    command: "npm run import -- examples/billing-decisions.json",
    run: async (context, command) => {
      const output = await runToEnd(command, context.env);
      // The decision sent with curl is already recorded: unchanged; the rejection updates its entry.
      expect(output).toContain("billingDecisions: 0 created, 1 updated, 1 unchanged");
      expect(output).toContain("completionRequests: 1 created, 0 updated, 0 unchanged");
      const { db, close } = openDatabase(context.databaseUrl, { poolSize: 1 });
      try {
        const organisation = await findOrganisationByTenant(db, PLAYGROUND_TENANT_ID);
        const organisationId = organisation?.id ?? "";
        expect((await findBillingEntryByReference(db, organisationId, "ENG-991-B1"))?.state).toBe("rated");
        expect((await findBillingEntryByReference(db, organisationId, "ENG-1003-B1"))?.state).toBe("rejected");
        expect((await findEngagementByReference(db, organisationId, "ENG-1017"))?.state).toBe("completion_requested");
      } finally {
        await close();
      }
    },
  },
  {
    command: "npm run import -- examples/renewals-180-days.csv",
    run: async (context, command) =>
      expect(await runToEnd(command, context.env)).toMatch(/imported examples\/renewals-180-days\.csv[\s\S]*renewalLineItems: \d+ created/),
  },
  { command: "npm run bench:usage", skip: "benchmarks take minutes and print figures" },
  { command: "npm run remind:now", run: expectOutput(/^delivered \d+ message/m) },
  { command: "npm run import -- examples/engagements.json", run: expectOutput(/imported examples\/engagements\.json/) },
  { command: "npm run import:schema", skip: "it rewrites schemas/import.schema.json; test/unit/import/json-schema.test.ts checks that file is current" },
  {
    command: "npm run api-key -- create --tenant <tenant id> --name <name> --scope write",
    skip: "placeholders for the reader's tenant; test/integration/events-api.test.ts covers the keys it makes",
  },
  { command: "npm run api-key -- list --tenant <tenant id>", skip: "a placeholder for the reader's tenant" },
  { command: "npm run api-key -- revoke --tenant <tenant id> --id <key id>", skip: "placeholders for the reader's tenant and key" },
  { command: "npm run openapi", skip: "it rewrites schemas/openapi.json; test/integration/openapi.test.ts checks that file is current" },
  { command: "npm run import", skip: "named in the configuration table, not an example to run" },
  { command: "npm run api-key", skip: "named in the configuration table, not an example to run" },
  {
    command: "MicrosoftAppId=<app id> npm run package:teams",
    skip: "it needs the reader's app id; test/unit/teams-package/package.test.ts packages a sample one",
  },
  { command: "npm run import -- <file>", skip: "a placeholder for the reader's own file" },
  {
    command: "npm run db:schema",
    skip: "it rewrites prisma/{sqlite,postgres}/schema.prisma; test/unit/store/schema-source.test.ts checks those files are current",
  },
];

describe.skipIf(testProvider === "postgres")("the README's commands (on SQLite, the README's default store)", () => {
  // Made in beforeAll: a skipped describe's body still runs when the PostgreSQL project collects it.
  let dir = "";
  const context: Context = { databaseUrl: "", env: {} };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "partner-ops-readme-"));
    context.databaseUrl = `file:${join(dir, "partner-ops.db")}`;
    context.env = { ...process.env, DATABASE_URL: context.databaseUrl, FIXED_CLOCK, NODE_ENV: "development", MicrosoftAppId: "", LOG_LEVEL: "info", PORT: "0" };
    for (const name of ["VENDOR_API_KEY", "TEST_CLOCK", "REMINDERS_ENABLED"]) delete context.env[name];
  });

  afterAll(async () => {
    if (context.bot) await stopBot(context.bot);
    rmSync(dir, { recursive: true, force: true });
  });

  it("are all listed here, in the README's order", () => {
    expect(STEPS.map((step) => step.command)).toEqual(readmeCommands());
  });

  for (const step of STEPS) {
    if ("run" in step) it(`\`${step.command.slice(0, 80)}\` works`, () => step.run(context, step.command), 90_000);
  }
});

function expectOutput(pattern: RegExp): (context: Context, command: string) => Promise<void> {
  return async (context, command) => {
    expect(await runToEnd(command, context.env)).toMatch(pattern);
  };
}

/** Runs a command line to its end; rejects with its output when it exits non-zero. */
function runToEnd(command: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("sh", ["-c", command], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`\`${command}\` exited with ${code}:\n${output}`))));
  });
}

interface RunningBot {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<void>;
}

/** Starts a `npm start` command line in its own process group and waits until /readyz answers 200. */
async function startBot(context: Context, command: string): Promise<RunningBot> {
  const child = spawn("sh", ["-c", command], { cwd: root, env: context.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolvePromise) => child.once("exit", () => resolvePromise()));
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = await new Promise<string>((resolvePromise, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"port":(\d+)[^\n]*listening on \/api\/messages/.exec(output)?.[1];
      if (port) resolvePromise(`http://127.0.0.1:${port}`);
    });
    child.once("exit", (code) => reject(new Error(`\`${command}\` exited (${code}) before listening:\n${output}`)));
  });
  const ready = await fetch(`${baseUrl}/readyz`);
  expect(ready.status, output).toBe(200);
  return { child, baseUrl, exited };
}

async function stopBot(bot: RunningBot): Promise<void> {
  if (bot.child.exitCode === null && bot.child.signalCode === null) process.kill(-(bot.child.pid as number), "SIGTERM");
  await bot.exited;
}
