// The event routes and per-organisation API keys on the real server: a key reads and writes
// only its own organisation's events, endpoints and billing records; a read key cannot write;
// a revoked key is refused; VENDOR_API_KEY still decides billing but is no organisation's key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent } from "../../src/platform/events/define-event";
import { emitEvent } from "../../src/platform/events/emit";
import { createApiKey, listApiKeys, revokeApiKey } from "../../src/platform/store/api-keys";
import { ensureOrganisation, type Organisation } from "../../src/platform/store/organisations";
import { startTestBot, TEST_TENANT_ID, type TestBot } from "../support/bot";

const VENDOR_API_KEY = "vendor-key-0123456789-abcdef";
const now = new Date("2026-11-02T10:00:00Z");
const happened = defineEvent("test.thing.happened", z.object({ n: z.number() }), "A test event.");
let bot: TestBot;
let other: Organisation;
const keys = { read: "", write: "", otherWrite: "" };

beforeAll(async () => {
  bot = await startTestBot({ env: { VENDOR_API_KEY, WEBHOOKS_ENABLED: "false" }, app: { clock: () => now } });
  other = await ensureOrganisation(bot.database.db, "tenant-fabrikam", { name: "Fabrikam Partners", timeZone: "UTC" });
  keys.read = (await createApiKey(bot.database.db, { organisationId: bot.organisation.id, name: "feed reader", scope: "read" })).key;
  keys.write = (await createApiKey(bot.database.db, { organisationId: bot.organisation.id, name: "sync job", scope: "write" })).key;
  keys.otherWrite = (await createApiKey(bot.database.db, { organisationId: other.id, name: "theirs", scope: "write" })).key;
  for (let n = 1; n <= 5; n++) await bot.database.db.$transaction((tx) => emitEvent(tx, happened, { organisationId: bot.organisation.id, data: { n }, now }));
  await bot.database.db.$transaction((tx) => emitEvent(tx, happened, { organisationId: other.id, data: { n: 99 }, now }));
});

afterAll(async () => bot?.stop());

function call(method: string, path: string, key: string | undefined, body?: unknown) {
  return fetch(`${bot.baseUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("the pull feed", () => {
  it("pages through the organisation's events with the cursor, and only its own", async () => {
    const first = await call("GET", "/api/v1/events?limit=3", keys.read);
    expect(first.status).toBe(200);
    const page = (await first.json()) as { events: { position: number; type: string; data: { n: number } }[]; next: string; hasMore: boolean };
    expect(page.events.map((e) => e.data.n)).toEqual([1, 2, 3]);
    expect(page).toMatchObject({ next: "3", hasMore: true });
    const second = (await (await call("GET", `/api/v1/events?after=${page.next}&limit=3`, keys.read)).json()) as typeof page;
    expect(second.events.map((e) => e.data.n)).toEqual([4, 5]);
    expect(second).toMatchObject({ next: "5", hasMore: false });
    const theirs = (await (await call("GET", "/api/v1/events", keys.otherWrite)).json()) as typeof page;
    expect(theirs.events.map((e) => e.data.n)).toEqual([99]);
  });

  it("answers 400 naming a bad cursor or limit, 401 without a key, 403 for VENDOR_API_KEY", async () => {
    const bad = await call("GET", "/api/v1/events?after=abc&limit=5000", keys.read);
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: object }).fields).sort()).toEqual(["after", "limit"]);
    expect((await call("GET", "/api/v1/events", undefined)).status).toBe(401);
    expect((await call("GET", "/api/v1/events", "pob_not-a-key")).status).toBe(401);
    expect((await call("GET", "/api/v1/events", VENDOR_API_KEY)).status).toBe(403);
  });
});

describe("webhook endpoints through the API", () => {
  let endpointId = "";

  it("registers an endpoint with a write key and shows its secret once", async () => {
    const created = await call("POST", "/api/v1/webhook-endpoints", keys.write, {
      url: "http://127.0.0.1:9/hooks",
      eventTypes: ["billing.submission.created"],
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; secret: string; status: string };
    expect(body.secret).toMatch(/^whsec_/);
    expect(body.status).toBe("healthy");
    endpointId = body.id;
    const listed = (await (await call("GET", "/api/v1/webhook-endpoints", keys.read)).json()) as { endpoints: object[] };
    expect(listed.endpoints).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(body.secret);
  });

  it("refuses a read key (403), an unknown event type and a plain-HTTP remote URL (400 naming the field)", async () => {
    expect(
      (await call("POST", "/api/v1/webhook-endpoints", keys.read, { url: "https://example.com/h", eventTypes: ["billing.submission.created"] })).status,
    ).toBe(403);
    const unknown = await call("POST", "/api/v1/webhook-endpoints", keys.write, { url: "https://example.com/h", eventTypes: ["billing.nothing"] });
    expect(unknown.status).toBe(400);
    expect(Object.keys(((await unknown.json()) as { fields: object }).fields)).toEqual(["eventTypes.0"]);
    const plain = await call("POST", "/api/v1/webhook-endpoints", keys.write, { url: "http://example.com/h", eventTypes: ["billing.submission.created"] });
    expect(((await plain.json()) as { fields: object }).fields).toEqual({ url: "url_not_https" });
  });

  it("keeps one organisation's endpoints out of another's reach", async () => {
    const theirs = (await (await call("GET", "/api/v1/webhook-endpoints", keys.otherWrite)).json()) as { endpoints: object[] };
    expect(theirs.endpoints).toEqual([]);
    expect((await call("DELETE", `/api/v1/webhook-endpoints/${endpointId}`, keys.otherWrite)).status).toBe(404);
    expect((await call("GET", `/api/v1/webhook-endpoints/${endpointId}/dead-deliveries`, keys.otherWrite)).status).toBe(404);
    expect((await call("DELETE", `/api/v1/webhook-endpoints/${endpointId}`, keys.write)).status).toBe(200);
  });
});

describe("API keys on the billing routes", () => {
  const decision = {
    decisionId: "dec-keys-1",
    organisationTenantId: TEST_TENANT_ID,
    submissionReference: "ENG-9999-B1",
    outcome: "rated",
    ratedAmount: "1.00",
    currency: "EUR",
    decidedAt: "2026-11-02T09:00:00Z",
  };

  it("lets a write key reach its own organisation only: another's tenant is unknown", async () => {
    expect((await call("POST", "/api/v1/billing-decisions", keys.write, decision)).status).toBe(404);
    const crossed = await call("POST", "/api/v1/billing-decisions", keys.otherWrite, decision);
    expect(crossed.status).toBe(404);
    expect(await crossed.json()).toMatchObject({ message: "unknown organisation" });
    const completion = await call("POST", "/api/v1/completion-requests", keys.otherWrite, {
      organisationTenantId: TEST_TENANT_ID,
      engagementExternalId: "ext-1",
    });
    expect(((await completion.json()) as { message: string }).message).toBe("unknown organisation");
  });

  it("refuses a read key on a write route, and keeps VENDOR_API_KEY working", async () => {
    expect((await call("POST", "/api/v1/billing-decisions", keys.read, decision)).status).toBe(403);
    expect((await call("POST", "/api/v1/billing-decisions", VENDOR_API_KEY, decision)).status).toBe(404);
  });

  it("stores only a hash, records the last use, and refuses a revoked key", async () => {
    const rows = await bot.database.db.apiKey.findMany();
    expect(JSON.stringify(rows)).not.toContain(keys.write);
    const [reader] = (await listApiKeys(bot.database.db, bot.organisation.id)).filter((k) => k.name === "feed reader");
    expect(reader?.lastUsedAt).toEqual(now);
    expect(await revokeApiKey(bot.database.db, bot.organisation.id, reader?.id ?? "", now)).toBe(true);
    expect((await call("GET", "/api/v1/events", keys.read)).status).toBe(401);
  });
});
