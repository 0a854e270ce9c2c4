// The composition root: folds the workflows of src/workflows/index.ts into the platform's tables,
// builds every part from the configuration and wires them together. main.ts runs it as a
// process; tests build it in-process with their own database, clock and, where they need one,
// their own list of workflows.
import type { CloudAdapter } from "botbuilder";
import { type AuthenticationOverrides, createAdapter } from "./platform/bot/adapter";
import { PartnerOpsBot } from "./platform/bot/bot";
import { type Clock, configuredClock } from "./platform/clock";
import { databaseTimeouts, isOpenLocalMode, loadConfig, type TConfig } from "./platform/config";
import { LocalRecognizer } from "./platform/conversation/local-recognizer";
import type { Recognizer } from "./platform/conversation/recognizer";
import { useCardFolders } from "./platform/cards/render";
import { type IntentCatalogue, loadIntentCatalogue, PLATFORM_INTENTS } from "./platform/conversation/intent-catalogue";
import { foldWorkflows, type PlatformTables } from "./platform/fold";
import type { ApiOperation } from "./platform/http/openapi";
import { type HttpServer, type RouteRegistrar, startHttpServer } from "./platform/http/server";
import { useMessageFolders } from "./platform/i18n/catalog";
import { PLATFORM_PARTS } from "./platform/parts";
import type { Workflow } from "./platform/workflow";
import { WORKFLOWS } from "./workflows/index";
import { eventsApiOperations, registerEventsApi } from "./platform/events/api";
import { registerOpenApi } from "./platform/http/openapi-route";
import { createLogger, type Logger } from "./platform/logger";
import { startReminders } from "./platform/reminders/runtime";
import { startWebhookDelivery } from "./platform/events/runtime";
import type { Services } from "./platform/services";
import { openDatabase } from "./platform/store/db";

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  recognizer?: Recognizer;
  authentication?: AuthenticationOverrides;
  /** The folded tables; by default those of WORKFLOWS. */
  tables?: PlatformTables;
}

export interface App {
  services: Services;
  adapter: CloudAdapter;
  http: HttpServer;
  /** Stops taking requests, finishes turns in flight, then closes the database. */
  stop(): Promise<void>;
}

let shipped: PlatformTables | undefined;

/**
 * The platform's tables for these workflows (by default the shipped ones, folded once), with
 * the workflows' cards and catalogs handed to the renderer and the translator.
 */
export function platformTables(workflows: readonly Workflow[] = WORKFLOWS): PlatformTables {
  if (workflows === WORKFLOWS) shipped ??= foldWorkflows(PLATFORM_PARTS, WORKFLOWS);
  const tables = workflows === WORKFLOWS && shipped ? shipped : foldWorkflows(PLATFORM_PARTS, workflows);
  useMessageFolders(tables.folders.map((folder) => new URL("messages/", folder)));
  useCardFolders(tables.folders.map((folder) => new URL("cards/", folder)));
  return tables;
}

/** The configuration with every workflow's settings checked too. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env, tables: PlatformTables = platformTables()): TConfig {
  return loadConfig(env, tables.settings);
}

/** The platform's intents and every workflow's, with their training utterances. */
export function intentCatalogue(tables: PlatformTables = platformTables()): IntentCatalogue {
  return loadIntentCatalogue([PLATFORM_INTENTS, ...tables.folders.map((folder) => new URL("intents/", folder))]);
}

/** The recognizer the bot runs, trained on the tables' intents and reading their references. */
export function localRecognizer(tables: PlatformTables = platformTables()): Promise<LocalRecognizer> {
  return LocalRecognizer.create({ catalogue: intentCatalogue(tables), references: tables.references });
}

/** Every route under /api/v1: the workflows', the event feed and webhook endpoints, and the OpenAPI document of them all. */
export function apiRoutes(tables: PlatformTables = platformTables()): RouteRegistrar[] {
  return [...tables.routes, registerEventsApi(tables.events), registerOpenApi(apiOperations(tables), tables.events)];
}

/** What GET /api/v1/openapi.json documents: every route but itself. */
export function apiOperations(tables: PlatformTables = platformTables()): ApiOperation[] {
  return [...tables.apiOperations, ...eventsApiOperations(tables.events)];
}

export async function startApp(config: TConfig, options: AppOptions = {}): Promise<App> {
  const tables = options.tables ?? platformTables();
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const database = openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, timeouts: databaseTimeouts(config) });
  const services: Services = {
    config,
    db: database.db,
    logger,
    clock: options.clock ?? configuredClock(config),
    recognizer: options.recognizer ?? (await localRecognizer(tables)),
    tables,
  };
  const adapter = createAdapter(config, logger, options.authentication);
  const bot = new PartnerOpsBot(services);
  const http = await startHttpServer(services, adapter, bot, apiRoutes(tables));
  const reminders = startReminders(services, adapter);
  const webhooks = startWebhookDelivery(services);

  if (isOpenLocalMode(config)) {
    logger.warn("MicrosoftAppId is not set: inbound requests are NOT authenticated and replies go to any serviceUrl. Local use only.");
  }
  if (config.VENDOR_API_KEY) {
    logger.warn("VENDOR_API_KEY is deprecated: give each organisation its own keys (npm run api-key -- create) and remove it.");
  }
  if (config.FIXED_CLOCK) {
    logger.warn({ fixedClock: config.FIXED_CLOCK.toISOString() }, "FIXED_CLOCK is set: this process's clock started at that instant. Tests only.");
  }
  logger.info({ port: http.port, database: database.target.provider }, "partner ops bot listening on /api/messages");

  return {
    services,
    adapter,
    http,
    stop: async () => {
      // Stop taking requests at once, while a reminder run in progress finishes its claimed rows.
      await Promise.all([http.close(), reminders.stop(), webhooks.stop()]);
      await database.close();
    },
  };
}
