// Times shown to a reader in Paris of an organisation on UTC, on the real server: the snooze
// confirmation (a card invoke, which may come without Teams' localTimezone), the billing
// window answer and the reminder digest read in Paris, with the organisation's moment named
// beside a rule that holds on UTC; a reader whose zone Teams never sent reads UTC, named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderCycleDeps } from "../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../src/platform/reminders/scheduler";
import { cardText, startTestBot, type TestBot, type TestUser } from "../support/bot";
import { engagementRequest, insertImported } from "../support/fixtures";

// 1 December 2026, 09:17 UTC: 10:17 in Paris. November's window closes when 2 December ends on UTC.
const NOW = new Date("2026-12-01T09:17:00Z");
let bot: TestBot;
let parisian: TestUser;
let unplaced: TestUser;

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => NOW } });
  parisian = await bot.user("billing", "Paule Paris");
  unplaced = await bot.user("billing", "Nadia Nowhere");
  await insertImported(bot.database.db, engagementRequest(bot.organisation.id, "ENG-4100", { state: "approved" }));
  const installed = await bot.post(bot.activity(parisian, { type: "installationUpdate", action: "add", localTimezone: "Europe/Paris" }));
  expect(installed.status).toBe(200);
});

afterAll(async () => bot?.stop());

async function ask(user: TestUser, text: string, localTimezone?: string): Promise<string> {
  bot.connector.clear();
  const response = await bot.post(bot.activity(user, { type: "message", text, ...(localTimezone ? { localTimezone } : {}) }));
  expect(response.status).toBe(200);
  const [reply] = await bot.connector.waitFor((activities) => activities.length >= 1);
  return String(reply?.activity.text);
}

describe("a reader in Paris of an organisation on UTC", () => {
  it("reads the snooze confirmation as tomorrow and a time in Paris, from the zone their chat carried", async () => {
    const snoozed = await bot.invoke(parisian, "reminders.snooze", { kind: "engagement.pending-approval" });
    expect(snoozed.body.value).toBe("Engagements waiting for approval: snoozed until tomorrow at 10:17 AM.");
  });

  it("reads the billing window's end in Paris, and the organisation's on UTC beside it", async () => {
    expect(await ask(parisian, "when does the November billing window close?", "Europe/Paris")).toBe(
      "The billing window for November 2026 is open: usage can be billed until Dec 3, 2026, 12:59 AM your time (Dec 2, 2026, 11:59 PM UTC in your organisation's time zone), 1 day left.",
    );
  });

  it("gets the digest in Paris time, counting days on the Paris calendar", async () => {
    bot.connector.clear();
    await runReminderCycle(
      reminderCycleDeps({ ...bot.app.services, clock: () => new Date("2026-12-01T08:00:00Z") }, bot.app.adapter, { quietHours: undefined }),
    );
    const [digest] = await bot.connector.waitFor((activities) => activities.length >= 1);
    expect(cardText(digest?.activity.attachments?.[0]?.content)).toContain(
      "ENG-4100 · Fabrikam: no billing entry for November 2026. The window closes on Dec 3, 2026 at 12:59 AM (Dec 2, 2026, 11:59 PM UTC, your organisation's time zone).",
    );
  });
});

describe("a reader whose zone Teams never sent", () => {
  it("reads the organisation's zone, named", async () => {
    const snoozed = await bot.invoke(unplaced, "reminders.snooze", { kind: "engagement.pending-approval" });
    expect(snoozed.body.value).toBe("Engagements waiting for approval: snoozed until tomorrow at 9:17 AM UTC.");
    expect(await ask(unplaced, "when does the November billing window close?")).toBe(
      "The billing window for November 2026 is open: usage can be billed until Dec 2, 2026, 11:59 PM UTC, 1 day left.",
    );
  });
});
