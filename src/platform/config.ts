// The bot's settings, read once from the environment and validated with zod. Every setting
// has a default that runs the bot locally; README.md documents each one.
import { z } from "zod";
import { ROLES } from "./domain/roles";
import { isIanaTimeZone } from "./domain/time-zone";
import { webhookEnvShape } from "./events/settings";
import { reminderEnvShape } from "./reminders/settings";
import { DEFAULT_DATABASE_URL } from "./store/database-url";

const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  );

const timeZone = z.string().refine(isIanaTimeZone, { message: "must be an IANA time zone such as Europe/Paris" });

/** The platform's settings; each workflow adds its own shape (Workflow.settings). */
export const CORE_SETTINGS = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Bounds on every database wait (src/platform/store/db.ts; README, "Failure behaviour").
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DATABASE_LOCK_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // Each attempt of a call to the Bot Connector (src/platform/bot/connector-policy.ts).
  CONNECTOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MicrosoftAppId: z.string().default(""),
  MicrosoftAppPassword: z.string().default(""),
  MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
  MicrosoftAppTenantId: z.string().default(""),
  ALLOWED_TENANT_IDS: list,
  // Open local mode only: serviceUrl prefixes replies may go to besides loopback addresses.
  SERVICE_URL_ALLOW_LIST: list,
  ADMIN_AAD_OBJECT_IDS: list,
  DEFAULT_ROLE: z.enum(ROLES).default("viewer"),
  DEFAULT_TIME_ZONE: timeZone.default("UTC"),
  MIGRATE_ON_START: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  // Tests and demos only: the clock starts at this instant and runs on (src/clock.ts).
  FIXED_CLOCK: z
    .union([z.literal(""), z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant with an offset, e.g. 2026-12-01T09:00:00+01:00" })])
    .default("")
    .transform((value) => (value === "" ? undefined : new Date(value))),
  // Reminders: schedule, quiet hours, SLA, lease (src/reminders/settings.ts documents each).
  ...reminderEnvShape,
  // Outbound events: webhook delivery loop (src/platform/events/settings.ts).
  ...webhookEnvShape,
  // The vendor's key for the /api/v1 routes the workflows register (empty turns them off).
  VENDOR_API_KEY: z.union([z.literal(""), z.string().min(24, "must be at least 24 characters")]).default(""),
} satisfies z.ZodRawShape;

type TCoreConfig = z.output<z.ZodObject<typeof CORE_SETTINGS>>;

/** The core settings, typed, and the workflows' settings, each read through its workflow's accessor. */
export type TConfig = TCoreConfig & { readonly [setting: string]: unknown };

function productionRules(env: TCoreConfig, ctx: z.RefinementCtx): void {
  if (env.NODE_ENV === "production" && env.MicrosoftAppId === "") {
    ctx.addIssue({
      code: "custom",
      path: ["MicrosoftAppId"],
      message: "is required in production: without it the bot would accept unauthenticated requests",
    });
  }
  if (env.NODE_ENV === "production" && env.FIXED_CLOCK) {
    ctx.addIssue({ code: "custom", path: ["FIXED_CLOCK"], message: "is for tests only and is refused in production: the bot would misdate every decision" });
  }
  if (env.MicrosoftAppType === "SingleTenant" && env.MicrosoftAppTenantId === "") {
    ctx.addIssue({ code: "custom", path: ["MicrosoftAppTenantId"], message: "is required when MicrosoftAppType is SingleTenant" });
  }
}

/** The configuration's schema: the core settings and the given workflow settings; other variables are ignored. */
export function configSchema(workflowSettings: z.ZodRawShape = {}) {
  return z.object({ ...CORE_SETTINGS, ...workflowSettings }).superRefine((env, ctx) => productionRules(env as TCoreConfig, ctx));
}

/** A list setting: comma-separated, blanks ignored. */
export const listSetting = list;

export class ConfigError extends Error {}

/** Reads the settings; src/app.ts passes the workflows' settings so that they are checked at start-up too. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, workflowSettings: z.ZodRawShape = {}): TConfig {
  const parsed = configSchema(workflowSettings).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new ConfigError(`invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

/** The database waits the settings bound, in the shape openDatabase takes. */
export function databaseTimeouts(config: TConfig) {
  return { connectMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS, lockWaitMs: config.DATABASE_LOCK_WAIT_MS };
}

/** Without an app id botbuilder skips inbound authentication: fine on a laptop, never in production. */
export function isOpenLocalMode(config: TConfig): boolean {
  return config.MicrosoftAppId === "";
}
