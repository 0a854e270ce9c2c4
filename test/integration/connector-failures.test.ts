// The Bot Connector failing: a send it may have accepted is never repeated blindly (counted at
// the stand-in connector), a throttled one is repeated after its Retry-After when that is short,
// and a connector that never answers ends the turn after the per-attempt timeout.
import { reminderCycleDeps } from "../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../src/platform/reminders/scheduler";
import { afterEach, describe, expect, it } from "vitest";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { findEngagement, insertEngagement } from "../../src/workflows/engagements/store/engagements";
import { cardText, startTestBot, type TestBot } from "../support/bot";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const replies = (test: TestBot) => test.connector.requests.filter((request) => request.method === "POST" && /\/activities/.test(request.path));

describe("replies when the Bot Connector fails", () => {
  it("sends a reply answered 500 once, and the error card once: two requests, not eight", async () => {
    bot = await startTestBot();
    const user = await bot.user("viewer");
    bot.connector.respond = () => ({ status: 500 });
    await bot.sendMessage(user, "help");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(replies(bot)).toHaveLength(2);
  });

  it("repeats a reply throttled with a short Retry-After, and it arrives once", async () => {
    bot = await startTestBot();
    const user = await bot.user("viewer");
    let throttled = 0;
    bot.connector.respond = () => (throttled++ === 0 ? { status: 429, headers: { "retry-after": "1" } } : undefined);
    const started = performance.now();
    expect((await bot.sendMessage(user, "help")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThan(900);
    expect(bot.connector.activities).toHaveLength(1);
    expect(replies(bot)).toHaveLength(2);
  });

  it("gives up at once on a Retry-After longer than a turn can wait", async () => {
    bot = await startTestBot();
    const user = await bot.user("viewer");
    bot.connector.respond = () => ({ status: 429, headers: { "retry-after": "120" } });
    const started = performance.now();
    await bot.sendMessage(user, "help");
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(replies(bot).length).toBeLessThanOrEqual(2);
  });

  it("ends a turn whose connector never answers after the timeout, not minutes later", async () => {
    bot = await startTestBot({ env: { CONNECTOR_TIMEOUT_MS: "1000" } });
    const user = await bot.user("viewer");
    bot.connector.respond = () => ({ status: 200, hang: true });
    const started = performance.now();
    await bot.sendMessage(user, "help");
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(4_000);
    expect(replies(bot)).toHaveLength(2);
  });
});

describe("a card click when the Bot Connector is slow", () => {
  it("answers the clicker at once and updates the shared card afterwards", async () => {
    bot = await startTestBot({ env: { CONNECTOR_TIMEOUT_MS: "3000" } });
    const approver = await bot.user("approver");
    const engagement = await pendingEngagement(bot, "eng-slow-connector", "ENG-9101", "Slow connector");
    let stalled = true;
    bot.connector.respond = (request) => (request.method === "PUT" && stalled ? { status: 200, hang: true } : undefined);
    const started = performance.now();
    const { status, body } = await bot.invoke(
      approver,
      "engagement.approve",
      { engagementId: engagement.id },
      {
        replyToId: "activity-card-9",
        conversationType: "channel",
        conversationId: "19:team@thread.skype",
      },
    );
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(status).toBe(200);
    expect(cardText(body.value)).toMatch(/Approved/);
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("approved");
    const deadline = Date.now() + 10_000;
    while (!bot.connector.requests.some((request) => request.method === "PUT") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    stalled = false;
    expect(bot.connector.requests.filter((request) => request.method === "PUT").length).toBeGreaterThanOrEqual(1);
  });
});

describe("the shared card when the Bot Connector is down", () => {
  it("keeps the update in the outbox, and the outbox delivers it once the connector is back", async () => {
    bot = await startTestBot({ env: { CONNECTOR_TIMEOUT_MS: "1000" } });
    const approver = await bot.user("approver");
    const engagement = await pendingEngagement(bot, "eng-down-connector", "ENG-9102", "Down connector");
    let down = true;
    bot.connector.respond = (request) => (request.method === "PUT" && down ? { status: 500 } : undefined);
    const { status } = await bot.invoke(
      approver,
      "engagement.approve",
      { engagementId: engagement.id },
      { replyToId: "activity-card-10", conversationType: "channel", conversationId: "19:down@thread.skype" },
    );
    expect(status).toBe(200);
    const { db } = bot.database;
    const updates = () => db.outboxMessage.findMany({ where: { kind: "card.update" } });
    // Tried at once and refused: the row waits, as it would through a restart.
    const deadline = Date.now() + 10_000;
    while (!bot.connector.requests.some((request) => request.method === "PUT") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await updates()).map((row) => row.state)).toEqual(["pending"]);

    down = false;
    bot.connector.clear();
    const now = new Date(Date.now() + 60_000);
    await runReminderCycle(reminderCycleDeps({ ...bot.app.services, clock: () => now }, bot.app.adapter, { quietHours: undefined }));
    const put = bot.connector.activities.find((request) => request.method === "PUT");
    expect(put?.path).toContain("activity-card-10");
    expect(cardText(put?.activity.attachments?.[0]?.content)).toMatch(/Approved/);
    expect((await updates()).map((row) => row.state)).toEqual(["sent"]);
  });
});

/** A pending engagement of the test organisation, as an import would leave it. */
async function pendingEngagement(on: TestBot, id: string, reference: string, title: string): Promise<Engagement> {
  const engagement: Engagement = {
    id,
    organisationId: on.organisation.id,
    externalId: `ext-${id}`,
    reference,
    title,
    clientName: "Contoso",
    productName: "Backup",
    requestedAt: new Date("2026-11-20T08:00:00Z"),
    state: "pending",
    version: 1,
  };
  await on.database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Import" }, engagement.requestedAt)] }),
  );
  return engagement;
}
