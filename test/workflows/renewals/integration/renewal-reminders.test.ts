// Reminders before a renewal's end date, through the platform's reminder cycle: items not yet
// quoted are reminded at the stage they are in (180, 90, 60 or 30 days before), once, to the
// account's owner or, when the report named none, to the billing users; a quoted item is not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFileOf } from "../../../../src/platform/import/file-reader";
import { runImport } from "../../../../src/platform/import/run-import";
import { reminderCycleDeps } from "../../../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../../../src/platform/reminders/scheduler";
import { addDays, todayIn } from "../../../../src/workflows/renewals/domain/calendar-dates";
import { RENEWAL_SECTION } from "../../../../src/workflows/renewals/import/line-items";
import { readReportText } from "../../../../src/workflows/renewals/import/report-file";
import { cardText, cardVerbs, startTestBot, type TestBot, type TestUser } from "../../../support/bot";
import { IMPORT_FORMAT } from "../../../support/tables";

let bot: TestBot;
let owner: TestUser;
let billing: TestUser;
const now = new Date("2026-12-01T03:00:00Z");
const today = todayIn("UTC", now);

const delivered = (user: TestUser) =>
  bot.connector.activities
    .filter((a) => a.conversationId === `a:personal-${user.aadObjectId}`)
    .map((a) => cardText(a.activity.attachments?.[0]?.content) + (a.activity.text ?? ""))
    .join("\n");

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => now } });
  owner = await bot.user("approver", "Tobias Weber");
  billing = await bot.user("billing", "Bea Billing");
  // Each has talked to the bot: their personal chats are known.
  for (const user of [owner, billing]) await bot.sendMessage(user, "help");
  const csv = [
    "Agreement number,Line item,Site name,Customer name,End date,Value,Currency,Quote number,Account owner",
    `AG-300,001,Bandung,PT Fabrikam Indonesia,${addDays(today, 45)},100.00,USD,,Tobias Weber`,
    `AG-300,002,Bandung,PT Fabrikam Indonesia,${addDays(today, 20)},200.00,USD,Q-1,Tobias Weber`,
    `AG-400,001,Jakarta,Contoso Ltd,${addDays(today, 150)},300.00,USD,,`,
    `AG-400,002,Jakarta,Contoso Ltd,${addDays(today, 200)},400.00,USD,,`,
  ].join("\n");
  const reading = readReportText(csv);
  if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
  const report = await runImport(IMPORT_FORMAT, bot.database.db, importFileOf(bot.organisation, { [RENEWAL_SECTION]: reading.items }), now);
  if (!report.ok) throw new Error(JSON.stringify(report.problems));
});

afterAll(async () => bot?.stop());

describe("renewal reminders", () => {
  it("reminds the owner of an item 45 days out, the billing users of an ownerless one, once each, and no one of a quoted item", async () => {
    bot.connector.clear();
    const deps = reminderCycleDeps(bot.app.services, bot.app.adapter, { quietHours: undefined });
    await runReminderCycle(deps);
    await runReminderCycle(deps);
    const toOwner = delivered(owner);
    expect(toOwner.match(/agreement AG-300, line item 001/g)).toHaveLength(1);
    expect(toOwner).toContain("(60 days before the end date)");
    expect(toOwner).not.toContain("AG-300, line item 002");
    expect(toOwner).not.toContain("AG-400");
    const toBilling = delivered(billing);
    expect(toBilling.match(/agreement AG-400, line item 001/g)).toHaveLength(1);
    expect(toBilling).toContain("(180 days before the end date)");
    expect(toBilling).not.toContain("AG-400, line item 002");
  });

  it("offers the renewal's card as the fix, one click away", async () => {
    const card = bot.connector.activities.find((a) => a.conversationId === `a:personal-${owner.aadObjectId}`)?.activity.attachments?.[0]?.content;
    expect(cardVerbs(card)).toContain("renewal.open");
  });
});
