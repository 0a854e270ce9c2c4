// The demo's second approver, who never writes to the bot in the Playground, was counted
// unreachable: once the app is installed in the Playground's group chat, its roster lets the
// bot open a personal chat with her and send her the digest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAYGROUND_CURRENT_USER, PLAYGROUND_OTHER_USERS, PLAYGROUND_TENANT_ID } from "../../src/platform/import/demo/playground-identities";
import { seedDemo } from "../../src/platform/import/demo/seed-demo";
import { reminderCycleDeps } from "../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../src/platform/reminders/scheduler";
import { cardText, startTestBot, type TestBot } from "../support/bot";
import { TABLES } from "../support/tables";

const now = new Date("2026-11-25T10:00:00Z");
const teamsIdOf = (aadObjectId: string) => `29:${aadObjectId}`;
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => now } });
  await seedDemo(bot.database.db, TABLES, now);
});

afterAll(async () => bot?.stop());

describe("the demo organisation installed in a group chat", () => {
  it("sends the digest to the approver who never wrote to the bot", async () => {
    const megan = PLAYGROUND_OTHER_USERS.find((user) => user.name === "Megan Bowen");
    if (!megan) throw new Error("the demo has no Megan Bowen");
    const chatId = "19:playground-group-chat@thread.v2";
    bot.connector.rosters.set(
      chatId,
      [PLAYGROUND_CURRENT_USER, ...PLAYGROUND_OTHER_USERS].map((user) => ({ id: teamsIdOf(user.aadObjectId), name: user.name, aadObjectId: user.aadObjectId })),
    );
    const alex = {
      aadObjectId: PLAYGROUND_CURRENT_USER.aadObjectId,
      teamsUserId: teamsIdOf(PLAYGROUND_CURRENT_USER.aadObjectId),
      name: PLAYGROUND_CURRENT_USER.name,
    };
    await bot.post(
      bot.activity(
        alex,
        { type: "installationUpdate", action: "add" },
        { tenantId: PLAYGROUND_TENANT_ID, conversationType: "groupChat", conversationId: chatId },
      ),
    );
    const report = await runReminderCycle(reminderCycleDeps(bot.app.services, bot.app.adapter, { quietHours: undefined }));
    expect(report.planned.find((p) => p.report.due > 0)?.report.unreachable).toBe(0);
    const digest = bot.connector.activities.find(
      (a) => a.conversationId === `a:opened-${teamsIdOf(megan.aadObjectId)}` && cardText(a.activity.attachments?.[0]?.content).includes("Reminders for you"),
    );
    expect(cardText(digest?.activity.attachments?.[0]?.content)).toContain("ENG-1042 · Fabrikam Logistics");
  });
});
