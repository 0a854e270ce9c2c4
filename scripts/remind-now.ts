// `npm run remind:now`: one reminder run right now against DATABASE_URL: plan every reachable
// organisation, then deliver what is due through the Bot Connector of each stored
// conversation (the Agents Playground's, in the demo). Quiet hours are ignored: asking for a
// run now is asking for the digest now. Safe beside running bots: planning is idempotent and
// delivery claims rows under a lease.
import { createAdapter } from "../src/platform/bot/adapter";
import { configuredClock } from "../src/platform/clock";
import { createLogger } from "../src/platform/logger";
import { reminderCycleDeps } from "../src/platform/reminders/runtime";
import { runReminderCycle } from "../src/platform/reminders/scheduler";
import { openDatabase } from "../src/platform/store/db";
import { configOrExit } from "./config-or-exit";

const { config, tables } = configOrExit();
const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
const { db, close } = openDatabase(config.DATABASE_URL, { poolSize: 2 });
try {
  const adapter = createAdapter(config, logger);
  const deps = reminderCycleDeps({ db, config, logger, clock: configuredClock(config), tables }, adapter, { quietHours: undefined });
  const { planned, failed, delivery } = await runReminderCycle(deps);
  for (const { organisationId, report } of planned) {
    console.log(
      `planned ${organisationId}: ${report.due} due, ${report.inserted} new, ${report.duplicates} already planned, ${report.suppressed} muted or snoozed, ${report.unreachable} unreachable`,
    );
  }
  for (const { organisationId, error } of failed) console.error(`planning failed for ${organisationId}: ${error}`);
  console.log(
    `delivered ${delivery.messagesSent} message(s) carrying ${delivery.rowsSent} reminder(s); ${delivery.rowsFailed} to retry, ${delivery.rowsDead} dead, ${delivery.rowsSkipped} muted, ${delivery.rowsPostponed} snoozed`,
  );
} finally {
  await close();
}
