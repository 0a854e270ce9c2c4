// PostgreSQL hung (every server process stopped, connections left open, as on a frozen host):
// /readyz and a card click answer within their deadlines, the click with an error card and a
// reference, and the click answered with an error is not applied when the server resumes.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app";
import { loadConfig } from "../../src/platform/config";
import { createLogger } from "../../src/platform/logger";
import { migrateDatabase } from "../../src/platform/store/migrate";
import { ensureOrganisation, setUserRole } from "../../src/platform/store/organisations";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { findEngagement, insertEngagement } from "../../src/workflows/engagements/store/engagements";
import { cardText } from "../support/bot";
import { startStandInConnector, type StandInConnector } from "../support/connector";
import { type PrivatePostgres, startPrivatePostgres } from "../support/private-postgres";

let server: PrivatePostgres;
let connector: StandInConnector;
let app: App;
let baseUrl: string;
let engagement: Engagement;
const approver = { aadObjectId: "aad-hung-approver", teamsUserId: "29:aad-hung-approver", name: "Hana" };

beforeAll(async () => {
  server = await startPrivatePostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE bot");
  await admin.end();
  const url = server.databaseUrl("bot");
  await migrateDatabase(url);
  connector = await startStandInConnector();
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: url,
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    REMINDERS_ENABLED: "false",
    DATABASE_POOL_SIZE: "3",
    DATABASE_CONNECT_TIMEOUT_MS: "1000",
    DATABASE_STATEMENT_TIMEOUT_MS: "2000",
    READINESS_TIMEOUT_MS: "1000",
  });
  app = await startApp(config, { logger: createLogger("silent") });
  baseUrl = `http://127.0.0.1:${app.http.port}`;
  const db = app.services.db;
  const organisation = await ensureOrganisation(db, "tenant-hung", { name: "Hung Partners", timeZone: "UTC" });
  await setUserRole(db, { organisationId: organisation.id, aadObjectId: approver.aadObjectId, name: approver.name, role: "approver" });
  engagement = {
    id: "eng-hung",
    organisationId: organisation.id,
    externalId: "ext-hung",
    reference: "ENG-6001",
    title: "Frozen database",
    clientName: "Contoso",
    productName: "Backup",
    requestedAt: new Date("2026-11-20T08:00:00Z"),
    state: "pending",
    version: 1,
  };
  await db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Import" }, engagement.requestedAt)] }),
  );
}, 120_000);

afterAll(async () => {
  server?.resume();
  await app?.stop();
  await connector?.close();
  await server?.destroy();
});

function approve(): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "invoke",
      name: "adaptiveCard/action",
      channelId: "msteams",
      serviceUrl: connector.serviceUrl,
      id: `click-${Date.now()}`,
      from: { id: approver.teamsUserId, name: approver.name, aadObjectId: approver.aadObjectId },
      recipient: { id: "28:partner-ops-bot", name: "Partner Ops" },
      conversation: { id: `a:personal-${approver.aadObjectId}`, conversationType: "personal", tenantId: "tenant-hung" },
      channelData: { tenant: { id: "tenant-hung" } },
      locale: "en-US",
      value: { action: { type: "Action.Execute", verb: "engagement.approve", data: { engagementId: engagement.id } }, trigger: "manual" },
    }),
  });
}

describe("PostgreSQL hung", () => {
  it("answers /readyz 503 within its deadline, a click with an error card in time, and applies nothing on resume", async () => {
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
    server.pause();
    try {
      let started = performance.now();
      const ready = await fetch(`${baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(2_500);

      started = performance.now();
      const click = await approve();
      const clickMs = performance.now() - started;
      console.log(`click answered in ${Math.round(clickMs)} ms while PostgreSQL was hung`);
      expect(click.status).toBe(200);
      const body = (await click.json()) as { type: string; value: unknown };
      expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
      expect(cardText(body.value)).toMatch(/Reference: [0-9a-f-]{36}/);
      expect(clickMs).toBeLessThan(10_000);
    } finally {
      server.resume();
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await findEngagement(app.services.db, engagement.organisationId, engagement.id))?.state).toBe("pending");
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
  });
});
