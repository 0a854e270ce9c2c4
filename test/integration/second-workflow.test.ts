// A second workflow is one folder plus one line: the test-only tickets workflow
// (test/support/tickets-workflow) added to the shipped list is answered over the Teams protocol
// like the shipped one: its import section, its intent and reference, its card action, its
// deadlines in "what needs me?" and "anything due?", and its words in three languages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformTables } from "../../src/app";
import { importFormat } from "../../src/platform/import/import-file";
import { runImport } from "../../src/platform/import/run-import";
import { WORKFLOWS } from "../../src/workflows/index";
import { cardText, startTestBot, TEST_TENANT_ID, type TestBot, type TestUser } from "../support/bot";
import type { CapturedActivity } from "../support/connector";
import { ticketsWorkflow } from "../support/tickets-workflow/workflow";

const NOW = new Date("2026-12-01T09:00:00Z");
const tables = platformTables([...WORKFLOWS, ticketsWorkflow]);
let bot: TestBot;
let admin: TestUser;

async function ask(user: TestUser, text: string): Promise<CapturedActivity["activity"]> {
  bot.connector.clear();
  expect((await bot.sendMessage(user, text)).status).toBe(200);
  const [reply] = await bot.connector.waitFor((activities) => activities.length >= 1);
  return reply!.activity;
}

const replyText = (activity: CapturedActivity["activity"]) => `${String(activity.text ?? "")} ${cardText(activity.attachments)}`;

beforeAll(async () => {
  bot = await startTestBot({ app: { tables, clock: () => NOW } });
  admin = await bot.user("admin", "Ada Admin");
  const report = await runImport(
    importFormat(tables.importSections),
    bot.database.db,
    {
      version: 1,
      organisation: { tenantId: TEST_TENANT_ID, name: "Contoso Partners", timeZone: "UTC" },
      tickets: [
        { number: "123", title: "Printer offline", dueAt: "2026-11-30T17:00:00Z" },
        { number: "456", title: "New laptop", dueAt: "2026-12-20T17:00:00Z" },
      ],
    },
    NOW,
  );
  expect(report.ok).toBe(true);
});

afterAll(async () => {
  await bot?.stop();
});

describe("a second workflow added in one line", () => {
  it("imports its section after the users", () => {
    expect(tables.importSections.map((entry) => entry.name)).toContain("tickets");
  });

  it("answers its question, with its own references, in each language", async () => {
    expect(replyText(await ask(admin, "which support tickets are open?"))).toContain("2 open tickets: TCK-123, TCK-456");
    expect(replyText(await ask(admin, "ticket TCK-456"))).toContain("One open ticket: TCK-456");
    expect(replyText(await ask(admin, "quels tickets de support sont ouverts ?"))).toContain("2 tickets ouverts");
    expect(replyText(await ask(admin, "tiket dukungan mana yang terbuka?"))).toContain("2 tiket terbuka");
  });

  it('shows its overdue ticket in "what needs me?" with the fix one click away, and in "anything due?"', async () => {
    const inbox = await ask(admin, "what reminders do I have?");
    expect(cardText(inbox.attachments)).toContain("TCK-123 (Printer offline) is overdue");
    expect(JSON.stringify(inbox.attachments)).toContain('"verb":"ticket.close"');
    expect(replyText(await ask(admin, "anything due this week?"))).toContain("TCK-123 (Printer offline) was due");
    // The welcome card's "What needs me?" button: the same list, across every workflow.
    const welcome = await ask(admin, "");
    expect(cardText(welcome.attachments)).toContain("What needs me?");
    expect(JSON.stringify((await bot.invoke(admin, "reminders.list", {})).body)).toContain("TCK-123 (Printer offline) is overdue");
  });

  it("runs its card action, and refuses it once done, changing nothing", async () => {
    const closed = await bot.invoke(admin, "ticket.close", { number: "123" });
    expect(JSON.stringify(closed.body)).toContain("TCK-123 is closed.");
    const again = await bot.invoke(admin, "ticket.close", { number: "123" });
    expect(JSON.stringify(again.body)).toContain("TCK-123 is already closed.");
    expect(cardText((await ask(admin, "what reminders do I have?")).attachments)).not.toContain("TCK-123");
  });

  it("lists its question in help beside the shipped ones", async () => {
    const help = replyText(await ask(admin, "help"));
    expect(help).toContain("which support tickets are open?");
    expect(help).toContain("status ENG-1042");
  });
});
