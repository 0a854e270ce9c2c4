// Starts the real bot (restify server, CloudAdapter, Prisma) on a fresh test database, with a
// stand-in Bot Connector, and sends it Teams-shaped activities over HTTP.
import { randomUUID } from "node:crypto";
import { type App, type AppOptions, loadAppConfig, platformTables, startApp } from "../../src/app";
import type { Role } from "../../src/platform/domain/roles";
import { createLogger } from "../../src/platform/logger";
import { ensureOrganisation, type Organisation, type PartnerUser, setUserRole } from "../../src/platform/store/organisations";
import { startStandInConnector, type StandInConnector } from "./connector";
import { createTestDatabase, type TestDatabase } from "./database";

export const TEST_TENANT_ID = "tenant-contoso";

export interface TestUser {
  aadObjectId: string;
  teamsUserId: string;
  name: string;
  locale?: string;
}

export interface TestBot {
  app: App;
  database: TestDatabase;
  connector: StandInConnector;
  baseUrl: string;
  organisation: Organisation;
  /** A partner user of the test organisation with this role, created in the database. */
  user(role: Role, name?: string, locale?: string): Promise<TestUser & PartnerUser>;
  /** POSTs a message activity; replies arrive at the connector. */
  sendMessage(from: TestUser, text: string, options?: ActivityOptions): Promise<Response>;
  /** POSTs an adaptiveCard/action invoke and returns the HTTP status and the invoke response body. */
  invoke(
    from: TestUser,
    verb: string,
    data: Record<string, unknown>,
    options?: ActivityOptions & { trigger?: "manual" | "automatic" },
  ): Promise<{ status: number; body: InvokeBody }>;
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  activity(from: TestUser, fields: Record<string, unknown>, options?: ActivityOptions): Record<string, unknown>;
  stop(): Promise<void>;
}

export interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

export interface ActivityOptions {
  tenantId?: string;
  conversationId?: string;
  conversationType?: "personal" | "groupChat" | "channel";
  locale?: string;
  id?: string;
  replyToId?: string;
}

export async function startTestBot(options: { env?: Record<string, string>; app?: AppOptions } = {}): Promise<TestBot> {
  const database = await createTestDatabase();
  const connector = await startStandInConnector();
  // The reminder scheduler stays off unless a test turns it on: tests drive it themselves.
  const env = {
    PORT: "0",
    DATABASE_URL: database.url,
    LOG_LEVEL: "silent",
    NODE_ENV: "test",
    DATABASE_POOL_SIZE: "5",
    REMINDERS_ENABLED: "false",
    ...options.env,
  };
  const config = loadAppConfig(env, options.app?.tables ?? platformTables());
  const app = await startApp(config, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), ...options.app });
  const baseUrl = `http://127.0.0.1:${app.http.port}`;
  const organisation = await ensureOrganisation(database.db, TEST_TENANT_ID, { name: "Contoso Partners", timeZone: "UTC" });
  let users = 0;

  const activity = (from: TestUser, fields: Record<string, unknown>, activityOptions: ActivityOptions = {}) => {
    const conversationType = activityOptions.conversationType ?? "personal";
    const tenantId = activityOptions.tenantId ?? TEST_TENANT_ID;
    return {
      channelId: "msteams",
      serviceUrl: connector.serviceUrl,
      id: activityOptions.id ?? randomUUID(),
      timestamp: new Date().toISOString(),
      from: { id: from.teamsUserId, name: from.name, aadObjectId: from.aadObjectId },
      recipient: { id: "28:partner-ops-bot", name: "Partner Ops" },
      conversation: {
        id: activityOptions.conversationId ?? `a:personal-${from.aadObjectId}`,
        conversationType,
        tenantId,
        ...(conversationType === "personal" ? {} : { isGroup: true }),
      },
      channelData: { tenant: { id: tenantId } },
      locale: activityOptions.locale ?? from.locale ?? "en-US",
      ...(activityOptions.replyToId ? { replyToId: activityOptions.replyToId } : {}),
      ...fields,
    };
  };

  const post = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  return {
    app,
    database,
    connector,
    baseUrl,
    organisation,
    user: async (role, name, locale) => {
      users += 1;
      const aadObjectId = `aad-${role}-${users}-${randomUUID().slice(0, 8)}`;
      const stored = await setUserRole(database.db, { organisationId: organisation.id, aadObjectId, name: name ?? `${role} ${users}`, role });
      return { ...stored, teamsUserId: `29:${aadObjectId}`, ...(locale ? { locale } : {}) };
    },
    sendMessage: (from, text, activityOptions) => post(activity(from, { type: "message", text }, activityOptions)),
    invoke: async (from, verb, data, activityOptions = {}) => {
      const response = await post(
        activity(
          from,
          {
            type: "invoke",
            name: "adaptiveCard/action",
            value: { action: { type: "Action.Execute", verb, data }, trigger: activityOptions.trigger ?? "manual" },
          },
          activityOptions,
        ),
      );
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as InvokeBody };
    },
    post,
    activity,
    stop: async () => {
      await app.stop();
      await connector.close();
      await database.destroy();
    },
  };
}

/** All text in a card, flattened: what a reader would see, for assertions. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "text" || key === "title" || key === "value" || key === "label") && typeof value === "string") texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join("\n");
}

/** The Action.Execute verbs a card offers. */
export function cardVerbs(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown, inRefresh: boolean): void => {
    if (Array.isArray(node)) for (const item of node) walk(item, inRefresh);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "Action.Execute" && typeof record.verb === "string" && !inRefresh) verbs.push(record.verb);
      for (const [key, value] of Object.entries(record)) walk(value, inRefresh || key === "refresh");
    }
  };
  walk(card, false);
  return verbs;
}
