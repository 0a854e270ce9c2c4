// Reminders end to end on the real server: Teams tells the bot where it is installed, a run
// sends the digest proactively to the stand-in connector, the card's buttons snooze and mute,
// "reminders" answers, and the connector's 429/403 answers are handled as Teams asks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eventFor, type Engagement } from "../../src/workflows/engagements/domain/engagements";
import { reminderCycleDeps } from "../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../src/platform/reminders/scheduler";
import { findPersonalConversation } from "../../src/platform/store/conversation-references";
import { insertEngagement } from "../../src/workflows/engagements/store/engagements";
import { enqueueNotification } from "../../src/platform/store/outbox";
import { cardText, cardVerbs, startTestBot, type TestBot, type TestUser } from "../support/bot";

let bot: TestBot;
let approver: TestUser;
const now = new Date("2026-11-25T10:00:00Z");

function cycle() {
  return runReminderCycle(reminderCycleDeps({ ...bot.app.services, clock: () => now }, bot.app.adapter, { quietHours: undefined }));
}

async function install(user: TestUser, timeZone = "Europe/Paris") {
  const response = await bot.post(
    bot.activity(user, { type: "installationUpdate", action: "add", localTimezone: timeZone }, { conversationId: `a:personal-${user.aadObjectId}` }),
  );
  expect(response.status).toBe(200);
}

function proactiveTo(user: TestUser) {
  return bot.connector.activities.filter(
    (a) => a.conversationId === `a:personal-${user.aadObjectId}` && cardText(a.activity.attachments?.[0]?.content).includes("Reminders for you"),
  );
}

beforeAll(async () => {
  bot = await startTestBot();
  approver = await bot.user("approver", "Ana Approver");
  const requestedAt = new Date("2026-11-20T09:00:00Z");
  const engagement: Engagement = {
    id: "eng-late",
    organisationId: bot.organisation.id,
    externalId: "ext-late",
    reference: "ENG-2001",
    title: "Managed firewall",
    clientName: "Fabrikam",
    productName: "Firewall",
    requestedAt,
    state: "pending",
    version: 1,
  };
  await bot.database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Import" }, requestedAt)] }),
  );
});

afterAll(async () => bot?.stop());

beforeEach(() => {
  bot.connector.clear();
  bot.connector.respond = undefined;
});

describe("reminders through the real bot", () => {
  it("remembers the personal chat, with the user's time zone, when the app is installed", async () => {
    await install(approver);
    const chat = await findPersonalConversation(bot.database.db, bot.organisation.id, approver.aadObjectId);
    expect(chat).toMatchObject({ kind: "personal", timeZone: "Europe/Paris", serviceUrl: bot.connector.serviceUrl });
  });

  it("sends a digest proactively, with the fix and snooze/mute one click away, and only once", async () => {
    await cycle();
    const digests = proactiveTo(approver);
    expect(digests).toHaveLength(1);
    const card = digests[0]?.activity.attachments?.[0]?.content;
    expect(cardText(card)).toContain("ENG-2001 · Fabrikam");
    expect(cardVerbs(card)).toEqual(["engagement.open", "reminders.snooze", "reminders.mute"]);
    await cycle();
    expect(proactiveTo(approver)).toHaveLength(1);
  });

  it("retries a 429 after its Retry-After and delivers the digest once", async () => {
    const sibling = await bot.user("admin", "Adi Admin");
    await install(sibling, "Asia/Jakarta");
    const before = bot.connector.requests.length;
    let throttled = 0;
    bot.connector.respond = (request) => {
      if (request.conversationId !== `a:personal-${sibling.aadObjectId}` || throttled > 0) return undefined;
      throttled += 1;
      return { status: 429, headers: { "retry-after": "1" } };
    };
    const started = Date.now();
    await cycle();
    expect(throttled).toBe(1);
    expect(proactiveTo(sibling)).toHaveLength(1);
    const tries = bot.connector.requests.slice(before).filter((r) => r.conversationId === `a:personal-${sibling.aadObjectId}`);
    expect(tries).toHaveLength(2);
    expect((tries[1]?.receivedAt ?? 0) - (tries[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("marks the chat dead when the connector answers 403, and stops sending there", async () => {
    const blocked = await bot.user("approver", "Bo Blocked");
    await install(blocked);
    bot.connector.respond = (request) =>
      request.conversationId === `a:personal-${blocked.aadObjectId}` ? { status: 403, body: { error: { code: "ConversationBlockedByUser" } } } : undefined;
    await cycle();
    expect(await findPersonalConversation(bot.database.db, bot.organisation.id, blocked.aadObjectId)).toBeUndefined();
    const row = await bot.database.db.outboxMessage.findFirstOrThrow({ where: { recipient: `user:${blocked.aadObjectId}` } });
    expect(row).toMatchObject({ state: "dead", lastError: "ConversationBlockedByUser" });
  });

  it('snoozes and mutes a kind for the person who clicks, and lists it when they ask "reminders"', async () => {
    const snoozed = await bot.invoke(approver, "reminders.snooze", { kind: "engagement.pending-approval" });
    expect(snoozed.status).toBe(200);
    expect(String(snoozed.body.value)).toContain("snoozed until");
    const muted = await bot.invoke(approver, "reminders.mute", { kind: "engagement.pending-approval" });
    expect(String(muted.body.value)).toContain("muted");
    await bot.sendMessage(approver, "reminders");
    const overview = await bot.connector.waitFor((all) => all.some((a) => cardText(a.activity.attachments?.[0]?.content).includes("Your reminders")));
    const card = overview.find((a) => cardText(a.activity.attachments?.[0]?.content).includes("Your reminders"))?.activity.attachments?.[0]?.content;
    expect(cardText(card)).toContain("Engagements waiting for approval: muted");
    expect(cardVerbs(card)).toContain("reminders.unmute");
    const unmuted = await bot.invoke(approver, "reminders.unmute", { kind: "engagement.pending-approval" });
    expect(cardText(unmuted.body.value)).toContain("you will be reminded again");
  });

  it("pages the full list for the person who clicks, read again on the server with their role", async () => {
    const list = await bot.invoke(approver, "reminders.list", { offset: 0 });
    expect(list.status).toBe(200);
    expect(cardText(list.body.value)).toContain("ENG-2001 · Fabrikam");
    expect(cardText(list.body.value)).toContain("1–1 of 1, most urgent first");
    const viewer = await bot.user("viewer", "Vi Viewer");
    const theirs = await bot.invoke(viewer, "reminders.list", { offset: 0 });
    expect(cardText(theirs.body.value)).toContain("Nothing is due for you right now.");
    expect(cardText(theirs.body.value)).not.toContain("ENG-2001");
    const forged = await bot.invoke(approver, "reminders.list", { offset: -3 });
    expect(String(forged.body.value)).toContain("offset");
  });

  it("refuses a reminder kind that does not exist, changing nothing", async () => {
    const answer = await bot.invoke(approver, "reminders.mute", { kind: "everything" });
    expect(answer.status).toBe(200);
    expect(await bot.database.db.reminderPreference.count({ where: { kind: "everything" } })).toBe(0);
  });

  it("delivers a one-off notification enqueued by a workflow as its own card, once", async () => {
    await bot.database.db.$transaction((tx) =>
      enqueueNotification(tx, {
        organisationId: bot.organisation.id,
        recipientAadObjectId: approver.aadObjectId,
        kind: "test.notice",
        dedupeKey: "notice-1",
        now,
        payload: {
          messageKey: "reminders.unmuted",
          values: { kindName: "Billing" },
          open: { verb: "engagement.open", data: { engagementId: "eng-late" }, titleKey: "reminders.fix.open" },
        },
      }),
    );
    await cycle();
    await cycle();
    const notices = bot.connector.activities.filter((a) => cardText(a.activity.attachments?.[0]?.content).includes("Billing: you will be reminded again."));
    expect(notices).toHaveLength(1);
    expect(cardVerbs(notices[0]?.activity.attachments?.[0]?.content)).toEqual(["engagement.open"]);
  });

  it("remembers a team channel the bot is added to, and posts the team-wide digest there without personal buttons", async () => {
    const channelId = "19:general@thread.tacv2";
    await bot.post(
      bot.activity(
        approver,
        {
          type: "conversationUpdate",
          membersAdded: [{ id: "28:partner-ops-bot" }],
          channelData: { tenant: { id: bot.organisation.tenantId }, team: { id: "19:team@thread.tacv2" }, channel: { id: channelId } },
        },
        { conversationType: "channel", conversationId: `${channelId};messageid=1700000000000` },
      ),
    );
    const stored = await bot.database.db.conversationReference.findFirstOrThrow({ where: { kind: "channel" } });
    expect(stored).toMatchObject({ conversationId: channelId, teamId: "19:team@thread.tacv2", deadAt: null });
    await runReminderCycle(reminderCycleDeps({ ...bot.app.services, clock: () => now }, bot.app.adapter, { quietHours: undefined, channelDigest: true }));
    const posted = bot.connector.activities.filter(
      (a) => a.conversationId === channelId && cardText(a.activity.attachments?.[0]?.content).includes("Team reminders"),
    );
    expect(posted).toHaveLength(1);
    const card = posted[0]?.activity.attachments?.[0]?.content;
    expect(cardText(card)).toContain("ENG-2001");
    expect(cardVerbs(card)).toEqual(["engagement.open"]);
  });

  it("forgets the chat when the app is uninstalled", async () => {
    await bot.post(bot.activity(approver, { type: "installationUpdate", action: "remove" }, { conversationId: `a:personal-${approver.aadObjectId}` }));
    expect(await findPersonalConversation(bot.database.db, bot.organisation.id, approver.aadObjectId)).toBeUndefined();
  });
});
