// The composition root: builds every part from the configuration and wires them together.
// main.ts runs it as a process; tests build it in-process with their own database and clock.
import type { CloudAdapter } from "botbuilder";
import { type AuthenticationOverrides, createAdapter } from "./platform/bot/adapter";
import { PartnerOpsBot } from "./platform/bot/bot";
import { type Clock, configuredClock } from "./platform/clock";
import { isOpenLocalMode, type TConfig } from "./platform/config";
import { LocalRecognizer } from "./platform/conversation/local-recognizer";
import type { Recognizer } from "./platform/conversation/recognizer";
import { BILLING_API_OPERATIONS, registerBillingApi } from "./workflows/engagements/api";
import { ENGAGEMENT_EVENTS } from "./workflows/engagements/events";
import type { EventCatalog } from "./platform/events/define-event";
import { eventsApiOperations, registerEventsApi } from "./platform/events/api";
import { registerOpenApi } from "./platform/http/openapi-route";
import { type HttpServer, type RouteRegistrar, startHttpServer } from "./platform/http/server";
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
}

export interface App {
  services: Services;
  adapter: CloudAdapter;
  http: HttpServer;
  /** Stops taking requests, finishes turns in flight, then closes the database. */
  stop(): Promise<void>;
}

/** Every outbound event type, from the workflows. */
export const EVENT_CATALOG: EventCatalog = [...ENGAGEMENT_EVENTS];

/** What GET /api/v1/openapi.json documents: every route below but itself. */
export const API_OPERATIONS = [...BILLING_API_OPERATIONS, ...eventsApiOperations(EVENT_CATALOG)];

/** Feature HTTP APIs under /api/v1: one line each. */
const apiRoutes: RouteRegistrar[] = [registerBillingApi, registerEventsApi(EVENT_CATALOG), registerOpenApi(API_OPERATIONS, EVENT_CATALOG)];

export async function startApp(config: TConfig, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const database = openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  const services: Services = {
    config,
    db: database.db,
    logger,
    clock: options.clock ?? configuredClock(config),
    recognizer: options.recognizer ?? (await LocalRecognizer.create()),
  };
  const adapter = createAdapter(config, logger, options.authentication);
  const bot = new PartnerOpsBot(services);
  const http = await startHttpServer(services, adapter, bot, apiRoutes);
  const reminders = startReminders(services, adapter);
  const webhooks = startWebhookDelivery(services);

  if (isOpenLocalMode(config)) {
    logger.warn(
      "MicrosoftAppId is not set: inbound requests are NOT authenticated and replies go to any serviceUrl. Local use only.",
    );
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
