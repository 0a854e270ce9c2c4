// Outbound events on the real server: a billing entry recorded in a card reaches the example
// receiver as one signed Standard Webhooks delivery; failures are retried with the same
// webhook-id, Retry-After is honoured, 410 disables the endpoint, a delivery whose process died
// is delivered by the next one, and the receiver refuses forged or replayed-old requests.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ReceivedEvent, startWebhookReceiver } from "../../examples/webhook-receiver";
import { claimWebhookDeliveries } from "../../src/platform/events/claims";
import { deliverDueWebhooks } from "../../src/platform/events/delivery";
import { listWebhookEndpoints, registerWebhookEndpoint } from "../../src/platform/events/endpoints";
import { signedHeaders } from "../../src/platform/events/signing";
import { listAudit } from "../../src/platform/store/audit";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { ENGAGEMENT_EVENTS } from "../../src/workflows/engagements/events";
import { listBillingEntries } from "../../src/workflows/engagements/store/billing";
import { insertEngagement } from "../../src/workflows/engagements/store/engagements";
import { cardText, startTestBot, type TestBot, type TestUser } from "../support/bot";
import { submitBillingInCard } from "../support/billing-submit";

// Day 2 of November: October can still be billed. Each test starts there again.
const START = new Date("2026-11-02T10:00:00Z");
let clockNow = START;
let bot: TestBot;
let billing: TestUser;
const servers: Server[] = [];

beforeAll(async () => {
  bot = await startTestBot({ env: { WEBHOOKS_ENABLED: "false" }, app: { clock: () => clockNow } });
  billing = await bot.user("billing", "Bea Billing");
});

beforeEach(() => {
  clockNow = START;
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await bot?.stop();
});

let engagements = 0;
async function approvedEngagement(): Promise<Engagement> {
  engagements += 1;
  const approved: Engagement = {
    id: `eng-hook-${engagements}`,
    organisationId: bot.organisation.id,
    externalId: `ext-hook-${engagements}`,
    reference: `ENG-70${engagements}`,
    title: "Managed backup",
    clientName: "Fabrikam",
    productName: "Backup as a service",
    requestedAt: new Date("2026-09-01T08:00:00Z"),
    state: "approved",
    version: 1,
  };
  await bot.database.db.$transaction((tx) =>
    insertEngagement(tx, {
      engagement: approved,
      events: [eventFor(approved, "approved", { aadObjectId: "aad-x", name: "Ana Approver" }, approved.requestedAt)],
    }),
  );
  return approved;
}

const knownTypes = ENGAGEMENT_EVENTS.map((event) => event.type);

async function register(url: string): Promise<string> {
  for (const endpoint of await listWebhookEndpoints(bot.database.db, bot.organisation.id)) {
    await bot.database.db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: clockNow, disabledReason: "next test" } });
  }
  const registered = await registerWebhookEndpoint(
    bot.database.db,
    { organisationId: bot.organisation.id, url, eventTypes: ["billing.submission.created"] },
    { knownTypes, production: false },
  );
  if (!registered.ok) throw new Error(registered.refusal);
  return registered.secret;
}

function deliver() {
  return deliverDueWebhooks({ db: bot.database.db, owner: "test", clock: () => clockNow, random: () => 0.5, timeoutMs: 2_000 });
}

/** The example receiver, registered as the organisation's endpoint with the secret the registration gave. */
async function receiverEndpoint(onEvent: (event: ReceivedEvent) => void): Promise<void> {
  const placeholder = "http://127.0.0.1/not-listening-yet";
  const url = await receiver(await register(placeholder), onEvent);
  await bot.database.db.webhookEndpoint.updateMany({ where: { url: placeholder, disabledAt: null }, data: { url } });
}

async function receiver(secret: string, onEvent: (event: ReceivedEvent) => void): Promise<string> {
  const server = await startWebhookReceiver({ secret, onEvent, now: () => clockNow.getTime() / 1000 });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}

/** A bare endpoint answering each request with the next of `answers`, recording the webhook-ids. */
async function scripted(answers: { status: number; headers?: Record<string, string> }[]): Promise<{ url: string; ids: string[] }> {
  const ids: string[] = [];
  const server = createServer((req, res) => {
    ids.push(String(req.headers["webhook-id"]));
    const answer = answers[Math.min(ids.length - 1, answers.length - 1)] as { status: number; headers?: Record<string, string> };
    req.resume().on("end", () => {
      res.writeHead(answer.status, answer.headers ?? {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, ids };
}

async function entriesCardText(engagementId: string): Promise<string> {
  return cardText((await bot.invoke(billing, "engagement.billing", { engagementId })).body.value);
}

async function deliveryRows() {
  return bot.database.db.outboxMessage.findMany({ where: { kind: "webhook" }, orderBy: { createdAt: "asc" } });
}

describe("webhook delivery of a billing entry recorded in Teams", () => {
  it("delivers exactly one signed event whose body matches the entry", async () => {
    const received: ReceivedEvent[] = [];
    await receiverEndpoint((event) => {
      received.push(event);
    });
    const engagement = await approvedEngagement();
    await submitBillingInCard(bot, billing, engagement.id);
    const [entry] = await listBillingEntries(bot.database.db, bot.organisation.id, engagement.id);
    expect(await entriesCardText(engagement.id)).toContain("Recorded, not yet sent to the vendor");
    clockNow = new Date("2026-11-02T10:02:00Z");
    expect((await deliver()).sent).toBe(1);
    expect(await entriesCardText(engagement.id)).toContain("Sent to the vendor at 10:02 AM UTC");
    expect(await deliver()).toEqual({ sent: 0, failed: 0, dead: 0, lost: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      type: "billing.submission.created",
      timestamp: "2026-11-02T10:00:00.000Z",
      data: {
        billingEntryId: entry?.id,
        submissionReference: entry?.reference,
        engagementExternalId: engagement.externalId,
        usageMonth: "2026-10",
        quantity: "10",
        unit: "hour",
        unitCost: entry?.unitCost,
        currency: "EUR",
        amount: "125.00",
        notes: "October on-call",
        submittedBy: "Bea Billing",
        supersedesBillingEntryId: null,
      },
    });
    expect(received[0]?.id).toMatch(/^evt_[0-9a-f]{32}$/);
  });

  it("delivers again with the same webhook-id after the receiver answered 500", async () => {
    const attempts: string[] = [];
    let failNext = true;
    await receiverEndpoint((event) => {
      attempts.push(event.id);
      if (failNext) {
        failNext = false;
        throw new Error("database down");
      }
    });
    const engagement = await approvedEngagement();
    await submitBillingInCard(bot, billing, engagement.id);
    expect(await deliver()).toMatchObject({ sent: 0, failed: 1 });
    expect(await entriesCardText(engagement.id)).toContain("Delivery failing since 10:00 AM UTC: the partner's integration is not answering");
    const [failed] = (await deliveryRows()).filter((row) => row.state === "failed");
    expect(failed?.lastError).toBe("HTTP 500");
    // The first retry comes 5 s later (4 to 6 with jitter); not before.
    expect(await deliver()).toMatchObject({ sent: 0, failed: 0 });
    clockNow = new Date(clockNow.getTime() + 6_000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toBe(attempts[0]);
  });

  it("waits as long as Retry-After asks", async () => {
    const endpoint = await scripted([{ status: 503, headers: { "retry-after": "120" } }, { status: 200 }]);
    await register(endpoint.url);
    await submitBillingInCard(bot, billing, (await approvedEngagement()).id);
    await deliver();
    const row = (await deliveryRows()).find((r) => r.state === "failed");
    expect(row?.nextAttemptAt.getTime()).toBe(clockNow.getTime() + 120_000);
    clockNow = new Date(clockNow.getTime() + 119_000);
    expect((await deliver()).sent).toBe(0);
    clockNow = new Date(clockNow.getTime() + 1_000);
    expect((await deliver()).sent).toBe(1);
    expect(new Set(endpoint.ids).size).toBe(1);
  });

  it("disables an endpoint that answers 410, and its later events are not sent", async () => {
    const endpoint = await scripted([{ status: 410 }]);
    await register(endpoint.url);
    await submitBillingInCard(bot, billing, (await approvedEngagement()).id);
    expect(await deliver()).toMatchObject({ dead: 1 });
    const [gone] = (await listWebhookEndpoints(bot.database.db, bot.organisation.id)).filter((e) => e.url === endpoint.url);
    expect(gone?.disabledReason).toBe("the endpoint answered 410 Gone");
    await submitBillingInCard(bot, billing, (await approvedEngagement()).id);
    await deliver();
    expect(endpoint.ids).toHaveLength(1);
    expect((await listAudit(bot.database.db, bot.organisation.id, "webhookEndpoint", gone?.id ?? "")).at(-1)).toMatchObject({
      action: "webhook_endpoint_disabled",
      actorName: "webhook delivery",
      reason: "the endpoint answered 410 Gone",
    });
  });

  it("posts several of an endpoint's events at once: those answered 2xx are sent, one answered 500 is retried, the later ones wait with it", async () => {
    const answers = [{ status: 200 }, { status: 500 }, ...Array.from({ length: 20 }, () => ({ status: 200 }))];
    const endpoint = await scripted(answers);
    await register(endpoint.url);
    for (let i = 0; i < 8; i++) await submitBillingInCard(bot, billing, (await approvedEngagement()).id);
    // The first group of five overlaps: four answered 200, one 500; the last three wait for the retry.
    expect(await deliver()).toMatchObject({ sent: 4, failed: 1 });
    expect(endpoint.ids).toHaveLength(5);
    const [registered] = (await listWebhookEndpoints(bot.database.db, bot.organisation.id)).filter((e) => e.url === endpoint.url);
    const rows = (await deliveryRows()).filter((row) => row.recipient === `webhook:${registered?.id}`);
    expect(rows.map((row) => row.state).sort()).toEqual(["failed", "pending", "pending", "pending", "sent", "sent", "sent", "sent"]);
    clockNow = new Date(clockNow.getTime() + 6_000);
    expect(await deliver()).toMatchObject({ sent: 4, failed: 0 });
    expect(endpoint.ids).toHaveLength(9);
    expect(new Set(endpoint.ids).size).toBe(8);
  });

  it("gives up after the last of eight attempts over about a day, the delivery visible as dead, and tells the admins once", async () => {
    const admin = await bot.user("admin", "Ada Admin");
    const endpoint = await scripted([{ status: 500 }]);
    await register(endpoint.url);
    await submitBillingInCard(bot, billing, (await approvedEngagement()).id);
    const started = clockNow.getTime();
    for (let attempt = 0; attempt < 8; attempt++) {
      await deliver();
      clockNow = new Date(clockNow.getTime() + 11 * 3_600_000);
    }
    expect(endpoint.ids).toHaveLength(8);
    const [failing] = (await listWebhookEndpoints(bot.database.db, bot.organisation.id)).filter((e) => e.url === endpoint.url);
    const rows = (await deliveryRows()).filter((row) => row.recipient === `webhook:${failing?.id}`);
    expect(rows).toMatchObject([{ state: "dead", attempts: 8, lastError: "HTTP 500" }]);
    expect(clockNow.getTime() - started).toBeGreaterThan(24 * 3_600_000);
    expect(failing?.failingSince?.getTime()).toBe(started);
    const notices = await bot.database.db.outboxMessage.findMany({ where: { kind: "events.endpointFailing" } });
    expect(notices.map((notice) => notice.recipient)).toEqual([`user:${admin.aadObjectId}`]);
  });

  it("delivers an event whose delivering process died mid-way, once its lease ran out", async () => {
    const received: ReceivedEvent[] = [];
    await receiverEndpoint((event) => {
      received.push(event);
    });
    await submitBillingInCard(bot, billing, (await approvedEngagement()).id);
    // A process claims the delivery, then is killed before sending.
    const dying = await claimWebhookDeliveries(bot.database.db, {
      owner: "killed",
      now: clockNow,
      leaseMs: 60_000,
      maxEndpoints: 20,
      rowsPerEndpoint: 25,
      maxAttempts: 8,
    });
    expect(dying.deliveries).toHaveLength(1);
    expect((await deliver()).sent).toBe(0);
    clockNow = new Date(clockNow.getTime() + 61_000);
    expect((await deliver()).sent).toBe(1);
    expect(received).toHaveLength(1);
  });
});

describe("the example receiver", () => {
  it("refuses a forged signature and a captured request replayed ten minutes later", async () => {
    const received: ReceivedEvent[] = [];
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const url = await receiver(secret, (event) => {
      received.push(event);
    });
    const body = JSON.stringify({ id: "evt_1", type: "billing.submission.created", timestamp: clockNow.toISOString(), data: {} });
    const send = (headers: object) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(headers as Record<string, string>) }, body });
    const good = signedHeaders(secret, "evt_1", clockNow, body);
    expect((await send({ ...good, "webhook-signature": "v1,Zm9yZ2Vk" })).status).toBe(401);
    expect((await send(signedHeaders("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "evt_1", clockNow, body))).status).toBe(401);
    expect((await send(signedHeaders(secret, "evt_1", new Date(clockNow.getTime() - 600_000), body))).status).toBe(401);
    expect((await send(good)).status).toBe(204);
    expect((await send(good)).status).toBe(204);
    expect(received).toHaveLength(1);
  });
});
