// The demo promise: after `npm run seed:demo`, opening the Playground (which installs the app
// in a personal chat) and a reminder run, the signed-in demo user gets a digest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAYGROUND_CURRENT_USER, PLAYGROUND_TENANT_ID } from "../../src/platform/import/demo/playground-identities";
import { seedDemo } from "../../src/platform/import/demo/seed-demo";
import { reminderCycleDeps } from "../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../src/platform/reminders/scheduler";
import { cardText, cardVerbs, startTestBot, type TestBot } from "../support/bot";
import { TABLES } from "../support/tables";

let bot: TestBot;
/** The 1st of a month: besides the requests, the digest holds the demo's unrated submissions and November's closing windows. */
const NOW = new Date("2026-12-01T09:30:00+01:00");

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => NOW } });
  await seedDemo(bot.database.db, TABLES, NOW);
});

afterAll(async () => bot?.stop());

describe("the demo organisation's reminders", () => {
  it("sends the Playground user a digest of the requests waiting past the approval SLA", async () => {
    const alex = { aadObjectId: PLAYGROUND_CURRENT_USER.aadObjectId, teamsUserId: "29:alex", name: PLAYGROUND_CURRENT_USER.name };
    const conversationId = "a:playground-personal";
    await bot.post(
      bot.activity(alex, { type: "installationUpdate", action: "add", localTimezone: "Europe/Paris" }, { tenantId: PLAYGROUND_TENANT_ID, conversationId }),
    );
    await runReminderCycle(reminderCycleDeps(bot.app.services, bot.app.adapter, { quietHours: undefined }));
    const digest = bot.connector.activities.find(
      (a) => a.conversationId === conversationId && cardText(a.activity.attachments?.[0]?.content).includes("Reminders for you"),
    );
    const card = digest?.activity.attachments?.[0]?.content;
    expect(cardText(card)).toContain("ENG-1042 · Fabrikam Logistics");
    expect(cardText(card)).toContain("ENG-1017 · Alpine Ski House");
    expect(cardText(card)).toContain("ENG-991-B1 (ENG-991 · Margie's Travel)");
    expect(cardVerbs(card)).toContain("reminders.mute");
  });
});
