// Reminder settings read from the environment (spread into src/config.ts) and the typed
// settings the scheduler, planner and deliverer take. Defaults suit one small partner team.
import { Cron } from "croner";
import { z } from "zod";
import { type QuietHours, parseQuietHours } from "./quiet-hours";

const flag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .default(fallback)
    .transform((value) => ["true", "1", "yes"].includes(value));

const cronPattern = z.string().refine(
  (pattern) => {
    try {
      new Cron(pattern, { paused: true }).stop();
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a cron pattern such as 0 8 * * *" },
);

const quietHours = z.string().refine((value) => parseQuietHours(value) !== "invalid", {
  message: 'must be "HH:MM-HH:MM" (e.g. 20:00-08:00) or empty for none',
});

export const reminderEnvShape = {
  REMINDERS_ENABLED: flag("true"),
  REMINDERS_CRON: cronPattern.default("0 8 * * *"),
  REMINDERS_QUIET_HOURS: quietHours.default("20:00-08:00"),
  REMINDERS_PENDING_SLA_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(48),
  REMINDERS_CHANNEL_DIGEST: flag("false"),
  REMINDERS_DELIVER_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  REMINDERS_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  REMINDERS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
};

export type ReminderEnv = { [K in keyof typeof reminderEnvShape]: z.infer<(typeof reminderEnvShape)[K]> };

export interface ReminderSettings {
  enabled: boolean;
  cron: string;
  quietHours: QuietHours | undefined;
  pendingApprovalSlaHours: number;
  channelDigest: boolean;
  deliverEveryMs: number;
  leaseMs: number;
  maxAttempts: number;
}

export function reminderSettings(env: ReminderEnv): ReminderSettings {
  const quiet = parseQuietHours(env.REMINDERS_QUIET_HOURS);
  return {
    enabled: env.REMINDERS_ENABLED,
    cron: env.REMINDERS_CRON,
    quietHours: quiet === "invalid" ? undefined : quiet,
    pendingApprovalSlaHours: env.REMINDERS_PENDING_SLA_HOURS,
    channelDigest: env.REMINDERS_CHANNEL_DIGEST,
    deliverEveryMs: env.REMINDERS_DELIVER_EVERY_SECONDS * 1000,
    leaseMs: env.REMINDERS_LEASE_SECONDS * 1000,
    maxAttempts: env.REMINDERS_MAX_ATTEMPTS,
  };
}

/** The settings with every default, for tests and scripts that tweak one or two. */
export function defaultReminderSettings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return { ...reminderSettings(z.object(reminderEnvShape).parse({})), ...overrides };
}
