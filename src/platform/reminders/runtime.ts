// Wires the reminder scheduler into a running bot (src/app.ts) or a one-off run
// (scripts/remind-now.ts): the adapter's proactive sender, the card composer, every workflow's
// deadline sources from the folded tables.
import type { CloudAdapter } from "botbuilder";
import { composeReminderMessages } from "../bot/views/reminders";
import type { Services } from "../services";
import { processOwner } from "./deliverer";
import { personalChatOpener, proactiveSender, proactiveUpdater } from "./proactive";
import { rateLimited, TeamsRateLimiter } from "./rate-limiter";
import { type ReminderCycleDeps, ReminderScheduler } from "./scheduler";
import { type ReminderSettings, reminderSettings } from "./settings";

export function reminderCycleDeps(
  services: Pick<Services, "db" | "config" | "clock" | "logger" | "tables">,
  adapter: CloudAdapter,
  overrides: Partial<ReminderSettings> = {},
  /** One per process: every digest this process sends waits its turn in it. */
  limiter = new TeamsRateLimiter(),
): ReminderCycleDeps {
  return {
    db: services.db,
    owner: processOwner(),
    clock: services.clock,
    settings: { ...reminderSettings(services.config), ...overrides },
    compose: composeReminderMessages,
    sender: {
      send: rateLimited(proactiveSender(adapter, services.config.MicrosoftAppId), limiter),
      open: personalChatOpener(adapter, services.config.MicrosoftAppId),
      update: rateLimited(proactiveUpdater(adapter, services.config.MicrosoftAppId), limiter),
    },
    logger: services.logger,
    sources: services.tables.deadlineSources,
    jobs: services.tables.jobs,
  };
}

/** Starts this instance's reminder clock unless REMINDERS_ENABLED is false; `stop` waits for a run in flight. */
export function startReminders(services: Services, adapter: CloudAdapter): { stop(): Promise<void> } {
  const deps = reminderCycleDeps(services, adapter);
  if (!deps.settings.enabled) return { stop: async () => undefined };
  const scheduler = new ReminderScheduler(deps);
  scheduler.start();
  return scheduler;
}
