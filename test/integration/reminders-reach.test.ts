// Reaching people who never wrote to the bot, through the real server and the stand-in Bot
// Connector: the bot is added to a team, reads its roster page by page, and when a reminder is
// due for a member with no personal chat it opens one (create-conversation with the tenant id)
// and delivers the digest there, once. A member who leaves the team, or whose chat Teams
// refuses to open, is not reminded any more, and the refused chat is not tried on every run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engagement } from "../../src/workflows/engagements/domain/engagements";
import { reminderCycleDeps } from "../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../src/platform/reminders/scheduler";
import { findUser } from "../../src/platform/store/organisations";
import { enqueueNotification } from "../../src/platform/store/outbox";
import { cardText, startTestBot, type TestBot, type TestUser } from "../support/bot";
import { engagementRequest, insertImported } from "../support/fixtures";

const TEAM_ID = "19:team-partners@thread.tacv2";
const GENERAL = "19:general-partners@thread.tacv2";
const BOT_ID = "28:partner-ops-bot";
const now = new Date("2026-11-25T10:00:00Z");

let bot: TestBot;
let admin: TestUser;
let megan: TestUser;
let leo: TestUser;
let blocked: TestUser;
const newcomer = { aadObjectId: "aad-newcomer", teamsUserId: "29:newcomer", name: "Nia Newcomer" };

function cycle() {
  return runReminderCycle(reminderCycleDeps({ ...bot.app.services, clock: () => now }, bot.app.adapter, { quietHours: undefined }));
}

function teamEvent(from: TestUser, fields: Record<string, unknown>) {
  return bot.activity(
    from,
    { channelData: { tenant: { id: bot.organisation.tenantId }, team: { id: TEAM_ID }, channel: { id: GENERAL } }, ...fields },
    { conversationType: "channel", conversationId: GENERAL },
  );
}

const member = (user: TestUser, name = user.name) => ({ id: user.teamsUserId, name, aadObjectId: user.aadObjectId });
const digestsIn = (conversationId: string, reference: string) =>
  bot.connector.activities.filter((a) => a.conversationId === conversationId && cardText(a.activity.attachments?.[0]?.content).includes(reference));
const createsFor = (user: { teamsUserId: string }) =>
  bot.connector.requests.filter((r) => r.method === "POST" && r.path === "/v3/conversations" && JSON.stringify(r.activity).includes(user.teamsUserId));

async function pendingSince(reference: string, requestedAt: string): Promise<Engagement> {
  return insertImported(bot.database.db, engagementRequest(bot.organisation.id, reference, { requestedAt: new Date(requestedAt) }));
}

beforeAll(async () => {
  bot = await startTestBot();
  admin = await bot.user("admin", "Ada Admin");
  megan = await bot.user("approver", "Megan Bowen");
  leo = await bot.user("approver", "Leo Leaving");
  blocked = await bot.user("approver", "Bo Blocked");
  bot.connector.rosters.set(TEAM_ID, [
    member(admin),
    // Teams' display name differs from the one the vendor import gave: the known one stays.
    member(megan, "Megan B."),
    member(leo),
    member(blocked),
    { id: newcomer.teamsUserId, name: newcomer.name, aadObjectId: newcomer.aadObjectId },
    { id: BOT_ID, name: "Partner Ops" },
  ]);
  bot.connector.respond = (request) =>
    request.path === "/v3/conversations" && JSON.stringify(request.activity).includes(blocked.teamsUserId)
      ? { status: 403, body: { error: { code: "ConversationBlockedByUser", message: "blocked" } } }
      : undefined;
  await pendingSince("ENG-3001", "2026-11-20T09:00:00Z");
});

afterAll(async () => bot?.stop());

describe("reminders for people who never wrote to the bot", () => {
  it("reads the team's roster page by page when the bot is added, once for the two install events, keeping known roles and names", async () => {
    expect((await bot.post(teamEvent(admin, { type: "installationUpdate", action: "add" }))).status).toBe(200);
    expect((await bot.post(teamEvent(admin, { type: "conversationUpdate", membersAdded: [{ id: BOT_ID }] }))).status).toBe(200);
    const pages = bot.connector.requests.filter((r) => r.method === "GET" && r.path.includes("/pagedmembers"));
    expect(pages.map((r) => r.conversationId)).toEqual([TEAM_ID, TEAM_ID, TEAM_ID]);
    expect(await bot.database.db.rosterMember.count({ where: { organisationId: bot.organisation.id, rosterId: TEAM_ID, leftAt: null } })).toBe(5);
    expect(await findUser(bot.database.db, bot.organisation.id, newcomer.aadObjectId)).toMatchObject({
      name: "Nia Newcomer",
      role: "viewer",
      teamsUserId: "29:newcomer",
    });
    expect(await findUser(bot.database.db, bot.organisation.id, megan.aadObjectId)).toMatchObject({ name: "Megan Bowen", role: "approver" });
  });

  it("opens a personal chat with an approver who never wrote, with the tenant id, and delivers their digest and notices there once", async () => {
    await bot.database.db.$transaction((tx) =>
      enqueueNotification(tx, {
        organisationId: bot.organisation.id,
        recipientAadObjectId: megan.aadObjectId,
        kind: "billing.completion-request",
        dedupeKey: "completion-for-megan",
        now,
        payload: { messageKey: "reminders.unmuted", values: { kindName: "Completion of the Lyon backup" } },
      }),
    );
    const report = await cycle();
    expect(report.planned[0]?.report).toMatchObject({ unreachable: 0 });
    const opened = bot.connector.created.find((c) => c.conversationId === `a:opened-${megan.teamsUserId}`);
    expect(opened?.body).toMatchObject({
      isGroup: false,
      bot: { id: BOT_ID },
      members: [{ id: megan.teamsUserId }],
      tenantId: bot.organisation.tenantId,
      channelData: { tenant: { id: bot.organisation.tenantId } },
    });
    expect(digestsIn(`a:opened-${megan.teamsUserId}`, "ENG-3001")).toHaveLength(1);
    expect(digestsIn(`a:opened-${megan.teamsUserId}`, "Completion of the Lyon backup")).toHaveLength(1);
    const stored = await bot.database.db.conversationReference.findFirstOrThrow({ where: { aadObjectId: megan.aadObjectId } });
    expect(stored).toMatchObject({ kind: "personal", openedByBot: true, conversationId: `a:opened-${megan.teamsUserId}`, deadAt: null });
    await cycle();
    expect(digestsIn(`a:opened-${megan.teamsUserId}`, "ENG-3001")).toHaveLength(1);
    expect(createsFor(megan)).toHaveLength(1);
  });

  it("gives up on a member whose chat Teams refuses to open (403), without asking again on the next run", async () => {
    const row = await bot.database.db.outboxMessage.findFirstOrThrow({ where: { recipient: `user:${blocked.aadObjectId}` } });
    expect(row).toMatchObject({ state: "dead", lastError: "ConversationBlockedByUser" });
    await pendingSince("ENG-3002", "2026-11-21T09:00:00Z");
    const report = await cycle();
    // Counted per due item: Bo for ENG-3001 and ENG-3002.
    expect(report.planned[0]?.report.unreachable).toBe(2);
    expect(createsFor(blocked)).toHaveLength(1);
    expect(digestsIn(`a:opened-${megan.teamsUserId}`, "ENG-3002")).toHaveLength(1);
  });

  it("stops reminding a member who leaves the team, and forgets the chat the bot had opened with them", async () => {
    expect(digestsIn(`a:opened-${leo.teamsUserId}`, "ENG-3001")).toHaveLength(1);
    const left = await bot.post(teamEvent(admin, { type: "conversationUpdate", membersRemoved: [{ id: leo.teamsUserId, aadObjectId: leo.aadObjectId }] }));
    expect(left.status).toBe(200);
    const chat = await bot.database.db.conversationReference.findFirstOrThrow({ where: { aadObjectId: leo.aadObjectId } });
    expect(chat).toMatchObject({ openedByBot: true, deadReason: "left" });
    await pendingSince("ENG-3003", "2026-11-22T09:00:00Z");
    const report = await cycle();
    // Bo and Leo, for each of the three engagements due.
    expect(report.planned[0]?.report.unreachable).toBe(6);
    expect(digestsIn(`a:opened-${megan.teamsUserId}`, "ENG-3003")).toHaveLength(1);
    expect(digestsIn(`a:opened-${leo.teamsUserId}`, "ENG-3003")).toHaveLength(0);
    expect(createsFor(leo)).toHaveLength(1);
  });

  it("marks every membership of the team left when the bot is removed from it", async () => {
    await bot.post(teamEvent(admin, { type: "conversationUpdate", membersRemoved: [{ id: BOT_ID }] }));
    expect(await bot.database.db.rosterMember.count({ where: { organisationId: bot.organisation.id, rosterId: TEAM_ID, leftAt: null } })).toBe(0);
  });

  it("answers a group chat's install even when its roster cannot be read, and reads it at the next install event", async () => {
    const chatId = "19:partners-chat@thread.v2";
    bot.connector.rosters.set(chatId, [member(megan), member(admin)]);
    const scripted = bot.connector.respond;
    bot.connector.respond = (request) =>
      request.path.includes("/pagedmembers") ? { status: 403, body: { error: { code: "BotNotInConversationRoster" } } } : scripted?.(request);
    const install = await bot.post(
      bot.activity(admin, { type: "installationUpdate", action: "add" }, { conversationType: "groupChat", conversationId: chatId }),
    );
    expect(install.status).toBe(200);
    expect(bot.connector.activities.filter((a) => a.conversationId === chatId)).toHaveLength(1);
    expect(await bot.database.db.rosterMember.count({ where: { rosterId: chatId } })).toBe(0);
    bot.connector.respond = scripted;
    await bot.post(
      bot.activity(admin, { type: "conversationUpdate", membersAdded: [{ id: BOT_ID }] }, { conversationType: "groupChat", conversationId: chatId }),
    );
    expect(await bot.database.db.rosterMember.count({ where: { rosterId: chatId, leftAt: null } })).toBe(2);
  });
});
