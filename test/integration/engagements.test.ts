// Engagement requests end to end: Teams-shaped activities POSTed to the real server, replies
// captured at the stand-in connector, decisions through adaptiveCard/action invokes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engagement } from "../../src/workflows/engagements/domain/engagements";
import { findEngagement, listEngagementEvents } from "../../src/workflows/engagements/store/engagements";
import { cardText, cardVerbs, startTestBot, type TestBot, type TestUser } from "../support/bot";
import { engagementRequest, insertImported } from "../support/fixtures";

let bot: TestBot;
let approver: TestUser;
let viewer: TestUser;
let sequence = 1000;

async function pendingEngagement(title: string, organisationId = bot.organisation.id): Promise<Engagement> {
  sequence += 1;
  const reference = `ENG-${sequence}`;
  return insertImported(
    bot.database.db,
    engagementRequest(organisationId, reference, { id: `eng-${sequence}-${Math.random().toString(36).slice(2, 8)}`, title }),
  );
}

function lastCard(): Record<string, unknown> {
  const last = bot.connector.activities.at(-1);
  const content = last?.activity.attachments?.[0]?.content;
  if (!content) throw new Error(`last activity has no card: ${JSON.stringify(last?.activity)}`);
  return content;
}

beforeAll(async () => {
  bot = await startTestBot();
  approver = await bot.user("approver", "Ana Approver");
  viewer = await bot.user("viewer", "Victor Viewer");
});

afterAll(async () => bot?.stop());

describe("engagement requests in Teams", () => {
  it("answers `pending` with a card listing the pending requests", async () => {
    await pendingEngagement("Managed backup for Fabrikam");
    bot.connector.clear();
    const response = await bot.sendMessage(approver, "pending");
    expect(response.status).toBe(200);
    await bot.connector.waitFor((activities) => activities.length >= 1);
    const text = cardText(lastCard());
    expect(text).toMatch(/pending engagement request/);
    expect(text).toContain("Managed backup for Fabrikam");
    expect(bot.connector.activities[0]?.path).toMatch(/^\/v3\/conversations\/.+\/activities/);
  });

  it("shows an approver the approve and reject buttons, and a viewer none", async () => {
    const engagement = await pendingEngagement("Monitoring");
    const forApprover = await bot.invoke(approver, "engagement.open", { engagementId: engagement.id });
    expect(forApprover.status).toBe(200);
    expect(cardVerbs(forApprover.body.value)).toEqual(expect.arrayContaining(["engagement.approve", "engagement.reject"]));
    const forViewer = await bot.invoke(viewer, "engagement.open", { engagementId: engagement.id });
    expect(cardVerbs(forViewer.body.value)).not.toContain("engagement.approve");
  });

  it("approves from the card and replaces it with the decision", async () => {
    const engagement = await pendingEngagement("Patch management");
    const { status, body } = await bot.invoke(approver, "engagement.approve", { engagementId: engagement.id });
    expect(status).toBe(200);
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(body.value)).toMatch(/You approved this request/);
    expect(cardVerbs(body.value)).not.toContain("engagement.approve");
    const events = await listEngagementEvents(bot.database.db, bot.organisation.id, engagement.id);
    expect(events.map((e) => [e.action, e.actorName])).toEqual([
      ["created", "Vendor portal import"],
      ["approved", "Ana Approver"],
    ]);
  });

  it("keeps a rejection without a reason inside the card and changes nothing", async () => {
    const engagement = await pendingEngagement("Endpoint protection");
    const { status, body } = await bot.invoke(approver, "engagement.reject", { engagementId: engagement.id, reason: "   " });
    expect(status).toBe(200);
    expect(cardText(body.value)).toMatch(/give a reason/);
    expect(cardVerbs(body.value)).toContain("engagement.reject");
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("pending");
  });

  it("rejects with a reason and records it in the history", async () => {
    const engagement = await pendingEngagement("Cloud migration");
    const { body } = await bot.invoke(approver, "engagement.reject", { engagementId: engagement.id, reason: "Client has no budget" });
    expect(cardText(body.value)).toMatch(/You rejected this request/);
    const stored = await findEngagement(bot.database.db, bot.organisation.id, engagement.id);
    expect(stored?.decision?.reason).toBe("Client has no budget");
    const history = await bot.invoke(approver, "engagement.open", { engagementId: engagement.id, view: "history" });
    expect(cardText(history.body.value)).toMatch(/Rejected by Ana Approver[\s\S]*Client has no budget/);
  });

  it("refuses a viewer's approval in the card, whatever the card data claims", async () => {
    const engagement = await pendingEngagement("Helpdesk");
    const { body } = await bot.invoke(viewer, "engagement.approve", { engagementId: engagement.id, role: "admin" });
    expect(cardText(body.value)).toMatch(/does not allow this/);
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("pending");
  });

  it("never lets another organisation's user see or decide a record", async () => {
    const engagement = await pendingEngagement("Secret project");
    const outsider = { ...approver, aadObjectId: "aad-outsider", teamsUserId: "29:outsider", name: "Mallory" };
    const open = await bot.invoke(outsider, "engagement.open", { engagementId: engagement.id }, { tenantId: "tenant-other" });
    expect(open.body.type).toBe("application/vnd.microsoft.activity.message");
    expect(String(open.body.value)).toMatch(/does not exist in your organisation/);
    const approve = await bot.invoke(outsider, "engagement.approve", { engagementId: engagement.id }, { tenantId: "tenant-other" });
    expect(String(approve.body.value)).toMatch(/does not exist/);
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("pending");
  });

  it("answers a bad verb or bad card data with words, changing nothing", async () => {
    const unknown = await bot.invoke(approver, "engagement.delete", { engagementId: "x" });
    expect(unknown.status).toBe(200);
    expect(String(unknown.body.value)).toMatch(/no longer works/);
    const bad = await bot.invoke(approver, "engagement.approve", { engagementId: 42 });
    expect(bad.status).toBe(200);
    expect(String(bad.body.value)).toMatch(/not valid: engagementId/);
  });

  it("never writes in answer to an automatic refresh", async () => {
    const engagement = await pendingEngagement("Refresh loop guard");
    const { body } = await bot.invoke(approver, "engagement.approve", { engagementId: engagement.id }, { trigger: "automatic" });
    expect(body.type).toBe("application/vnd.microsoft.activity.message");
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("pending");
  });

  it("turns 20 concurrent approvals from different approvers into exactly one decision", async () => {
    const engagement = await pendingEngagement("Race");
    const approvers = await Promise.all(Array.from({ length: 20 }, (_, i) => bot.user("approver", `Approver ${i}`)));
    const responses = await Promise.all(approvers.map((user) => bot.invoke(user, "engagement.approve", { engagementId: engagement.id })));
    expect(responses.every((r) => r.status === 200 && r.body.type === "application/vnd.microsoft.card.adaptive")).toBe(true);
    const winners = responses.filter((r) => /You approved this request/.test(cardText(r.body.value)));
    expect(winners).toHaveLength(1);
    const losers = responses.filter((r) => /Already approved by/.test(cardText(r.body.value)));
    expect(losers).toHaveLength(19);
    const events = await listEngagementEvents(bot.database.db, bot.organisation.id, engagement.id);
    expect(events.filter((e) => e.action === "approved")).toHaveLength(1);
  });

  it("updates the shared card for everyone after a decision", async () => {
    const engagement = await pendingEngagement("Shared card");
    bot.connector.clear();
    await bot.invoke(
      approver,
      "engagement.approve",
      { engagementId: engagement.id },
      { replyToId: "activity-card-1", conversationType: "groupChat", conversationId: "19:group@thread.v2" },
    );
    // The update follows the invoke's answer instead of holding it.
    await bot.connector.waitFor((activities) => activities.some((a) => a.method === "PUT"));
    const updates = bot.connector.activities.filter((a) => a.method === "PUT");
    expect(updates).toHaveLength(1);
    expect(updates[0]?.path).toMatch(/activities\/activity-card-1$/);
    expect(cardText(updates[0]?.activity.attachments?.[0]?.content)).toMatch(/Approved/);
  });

  it("leaves the clicker's own card alone in a personal chat: nobody else sees it", async () => {
    const engagement = await pendingEngagement("Personal card");
    bot.connector.clear();
    const { body } = await bot.invoke(approver, "engagement.approve", { engagementId: engagement.id }, { replyToId: "activity-card-2" });
    expect(cardText(body.value)).toMatch(/You approved this request/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.connector.activities.filter((a) => a.method === "PUT")).toHaveLength(0);
  });

  it("greets once on a Teams install, by the name it knows, with the user's role", async () => {
    bot.connector.clear();
    // Teams sends installationUpdate and then conversationUpdate, neither with the user's name.
    const nameless = { ...approver, name: "" };
    await bot.post(bot.activity(nameless, { type: "installationUpdate", action: "add" }));
    await bot.post(bot.activity(nameless, { type: "conversationUpdate", membersAdded: [{ id: "28:partner-ops-bot" }] }));
    await bot.connector.waitFor((a) => a.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.connector.activities).toHaveLength(1);
    expect(cardText(lastCard())).toMatch(/Hi Ana Approver[\s\S]*Your role: approver/);
  });

  it("greets in a channel of another client when the bot joins it", async () => {
    bot.connector.clear();
    await bot.post({
      ...bot.activity(
        approver,
        { type: "conversationUpdate", membersAdded: [{ id: "28:partner-ops-bot" }] },
        { conversationType: "channel", conversationId: "19:team@thread.skype" },
      ),
      channelId: "webchat",
    });
    await bot.connector.waitFor((a) => a.length >= 1);
    expect(bot.connector.activities[0]?.conversationId).toBe("19:team@thread.skype");
  });
});

describe("cards posted in chats", () => {
  it("posts the reader's own view in a personal chat, refreshed for them", async () => {
    const engagement = await pendingEngagement("Own view");
    bot.connector.clear();
    await bot.sendMessage(approver, `status ${engagement.reference}`);
    await bot.connector.waitFor((a) => a.length >= 1);
    const card = lastCard() as { refresh?: { userIds?: string[] } };
    expect(cardVerbs(card)).toContain("engagement.approve");
    expect(card.refresh?.userIds).toEqual([approver.teamsUserId]);
  });

  it("posts a read-only card in a channel that refreshes into the deciders' view", async () => {
    const engagement = await pendingEngagement("Channel view");
    bot.connector.clear();
    await bot.sendMessage(viewer, `status ${engagement.reference}`, { conversationType: "channel", conversationId: "19:ops@thread.skype" });
    await bot.connector.waitFor((a) => a.length >= 1);
    const card = lastCard() as { refresh?: { userIds?: string[] } };
    expect(cardVerbs(card)).not.toContain("engagement.approve");
    expect(card.refresh?.userIds).toContain(approver.teamsUserId);
    expect(card.refresh?.userIds).not.toContain(viewer.teamsUserId);
    const refreshed = await bot.invoke(approver, "engagement.refresh", { engagementId: engagement.id }, { trigger: "automatic" });
    expect(cardVerbs(refreshed.body.value)).toContain("engagement.approve");
  });

  it("says so when an engagement is not found", async () => {
    bot.connector.clear();
    await bot.sendMessage(viewer, "status ENG-999999");
    await bot.connector.waitFor((a) => a.length >= 1);
    expect(bot.connector.activities[0]?.activity.text).toMatch(/no engagement .*999999/);
  });
});
