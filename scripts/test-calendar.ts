// `npm run test:calendar`: the whole suite (`npm test`'s two vitest projects) once per day that
// has bitten date-dependent code before, each with the machine in another time zone. TEST_CLOCK
// moves the test workers' wall clock there (test/support/pinned-clock.ts) and the end-to-end
// stack's FIXED_CLOCK (test/e2e/support/e2e-clock.ts); TZ is the machine's zone. Prints one
// line per run and exits non-zero if any failed.
//
//   npm run test:calendar                    every day, SQLite and PostgreSQL
//   npm run test:calendar -- --sqlite        unit + SQLite only (what .ci/run does for one day)
//   npm run test:calendar -- --e2e           the browser journeys too, on each day
//   npm run test:calendar -- --only first-of-month,dst-end
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface CalendarDay {
  name: string;
  /** The instant the wall clock starts at, with the offset of the zone it is chosen in. */
  clock: string;
  /** The machine's zone for the run. */
  tz: string;
  why: string;
}

/** The organisations of the demo and the tests live in Europe/Paris, UTC and Asia/Jakarta. */
const CALENDAR: readonly CalendarDay[] = [
  {
    name: "first-of-month",
    clock: "2026-12-01T00:30:00+01:00",
    tz: "America/Los_Angeles",
    why: "the 1st in Paris, still the 30th on the machine; two billing months open",
  },
  {
    name: "second-2359-paris",
    clock: "2026-12-02T23:59:00+01:00",
    tz: "Pacific/Kiritimati",
    why: "last minute of November's window in Paris, already the 3rd on the machine",
  },
  { name: "second-2359-utc", clock: "2026-12-02T23:59:00Z", tz: "UTC", why: "last minute of November's window for a UTC organisation" },
  {
    name: "second-2359-jakarta",
    clock: "2026-12-02T23:59:00+07:00",
    tz: "Europe/Paris",
    why: "last minute of November's window in Jakarta, the afternoon on the machine",
  },
  { name: "third", clock: "2026-12-03T08:00:00+01:00", tz: "UTC", why: "November's window closed; the reminder tick at 08:00" },
  {
    name: "new-year-eve",
    clock: "2026-12-31T23:30:00+01:00",
    tz: "Pacific/Kiritimati",
    why: "the year's last half hour in Paris, already next year on the machine",
  },
  { name: "dst-end", clock: "2026-10-25T02:30:00+01:00", tz: "Europe/Paris", why: "the repeated hour of the autumn clock change in Paris" },
];

interface Options {
  projects: string[];
  e2e: boolean;
  only?: string[];
}

function parseArguments(args: readonly string[]): Options {
  const options: Options = { projects: ["sqlite", "postgres"], e2e: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--sqlite") options.projects = ["sqlite"];
    else if (arg === "--e2e") options.e2e = true;
    else if (arg === "--only") options.only = (args[++i] ?? "").split(",").filter(Boolean);
    else throw new Error(`unknown argument "${arg}" (known: --sqlite, --e2e, --only <day,...>)`);
  }
  const unknown = options.only?.filter((name) => !CALENDAR.some((day) => day.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`no calendar day named ${unknown.join(", ")} (known: ${CALENDAR.map((day) => day.name).join(", ")})`);
  return options;
}

const root = resolve(fileURLToPath(import.meta.url), "..", "..");
const vitest = join(root, "node_modules", ".bin", "vitest");

function run(day: CalendarDay, args: string[]): { ok: boolean; seconds: number } {
  const started = performance.now();
  const result = spawnSync(vitest, ["run", ...args], { cwd: root, stdio: "inherit", env: { ...process.env, TEST_CLOCK: day.clock, TZ: day.tz } });
  return { ok: result.status === 0, seconds: Math.round((performance.now() - started) / 1000) };
}

function main(): number {
  let options: Options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const days = CALENDAR.filter((day) => !options.only || options.only.includes(day.name));
  const lines: string[] = [];
  for (const day of days) {
    console.log(`\n== ${day.name}: TEST_CLOCK=${day.clock} TZ=${day.tz} (${day.why})`);
    const suites: [string, string[]][] = [["suite", ["--config", "vitest.config.ts", ...options.projects.flatMap((project) => ["--project", project])]]];
    if (options.e2e) suites.push(["e2e", ["--config", "vitest.e2e.config.ts"]]);
    for (const [label, args] of suites) {
      const { ok, seconds } = run(day, args);
      lines.push(`${ok ? "pass" : "FAIL"}  ${day.name.padEnd(20)} ${label.padEnd(6)} TEST_CLOCK=${day.clock} TZ=${day.tz} (${seconds} s)`);
    }
  }
  console.log(`\n== calendar (${options.projects.join(" + ")}${options.e2e ? " + e2e" : ""})`);
  for (const line of lines) console.log(line);
  return lines.some((line) => line.startsWith("FAIL")) ? 1 : 0;
}

process.exitCode = main();
