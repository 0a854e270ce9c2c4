// Renewals end to end: the report posted to the inbound API (a malformed one refused with its
// lines and columns, nothing saved), the due list asked for in words in three languages, a line
// item's card, and marking it quoted, renewed or lost through adaptiveCard/action invokes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../../../src/platform/store/audit";
import { createApiKey } from "../../../../src/platform/store/api-keys";
import { addDays, todayIn } from "../../../../src/workflows/renewals/domain/calendar-dates";
import { findLineItemByKey, RENEWAL_RECORD_KIND } from "../../../../src/workflows/renewals/store/line-items";
import { cardText, cardVerbs, startTestBot, type TestBot, type TestUser, TEST_TENANT_ID } from "../../../support/bot";

let bot: TestBot;
let billing: TestUser;
let viewer: TestUser;
let writeKey: string;
const now = new Date("2026-12-01T03:00:00Z");
const today = todayIn("UTC", now);

const HEADER = "Agreement number,Line item,Site name,Customer name,End date,Value,Currency,Quote number,Account owner";
const reportCsv = [
  HEADER,
  `AG-100,001,Contoso Jakarta,Contoso Ltd,${addDays(today, 20)},"12,500.00",USD,,`,
  `AG-100,002,Contoso Jakarta,Contoso Ltd,${addDays(today, 75)},"1,000.10",USD,Q-555,`,
  `AG-101,001,Contoso Surabaya,Contoso Ltd,${addDays(today, 150)},"48,000.00",EUR,,`,
  `AG-200,001,Fabrikam Bandung,PT Fabrikam Indonesia,${addDays(today, 75)},"250,000,000",IDR,,`,
  `AG-200,002,Fabrikam Bandung,PT Fabrikam Indonesia,${addDays(today, 150)},0.20,USD,,`,
].join("\n");

function postReport(body: unknown, key = writeKey) {
  return fetch(`${bot.baseUrl}/api/v1/renewal-reports`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
}

async function askCard(user: TestUser, text: string): Promise<string> {
  bot.connector.clear();
  expect((await bot.sendMessage(user, text)).status).toBe(200);
  await bot.connector.waitFor((activities) => activities.length >= 1);
  const content = bot.connector.activities.at(-1)?.activity.attachments?.[0]?.content;
  if (!content) throw new Error(`no card in answer to "${text}": ${JSON.stringify(bot.connector.activities.at(-1)?.activity.text)}`);
  return cardText(content);
}

const item = (agreement: string, line: string) => findLineItemByKey(bot.database.db, bot.organisation.id, agreement, line);

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => now } });
  billing = await bot.user("billing", "Bea Billing");
  viewer = await bot.user("viewer", "Victor Viewer");
  writeKey = (await createApiKey(bot.database.db, { organisationId: bot.organisation.id, name: "integration", scope: "write" })).key;
});

afterAll(async () => bot?.stop());

describe("the renewal report through the inbound API", () => {
  it("refuses a malformed report with every bad line and column, and saves nothing", async () => {
    const bad = `${HEADER}\nAG-900,001,Site,Customer,2027-02-30,100.00,USD,,\nAG-900,002,,Customer,2027-01-15,"1.234,50",USD,,\n`;
    const response = await postReport({ organisationTenantId: TEST_TENANT_ID, csv: bad });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { line: number; column: string; code: string; message: string }[] };
    expect(body.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [2, "End date", "date_invalid"],
      [3, "Site name", "value_required"],
      [3, "Value", "amount_invalid"],
    ]);
    expect(body.errors[0]?.message).toMatch(/^Line 2, column "End date"/);
    expect(await item("AG-900", "001")).toBeUndefined();
  });

  it("imports a report, then takes the same report again as a replay", async () => {
    const first = await postReport({ organisationTenantId: TEST_TENANT_ID, csvBase64: Buffer.from(reportCsv).toString("base64") });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const again = await postReport({ organisationTenantId: TEST_TENANT_ID, csv: reportCsv });
    expect(await again.json()).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  it("answers 400 naming the field for a body without the CSV, 401 without a key, 404 for another organisation", async () => {
    const missing = await postReport({ organisationTenantId: TEST_TENANT_ID });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ fields: { csv: "give either csv or csvBase64" } });
    expect((await postReport({ organisationTenantId: TEST_TENANT_ID, csv: reportCsv }, "wrong")).status).toBe(401);
    expect((await postReport({ organisationTenantId: "tenant-elsewhere", csv: reportCsv })).status).toBe(404);
  });
});

describe("renewals due, asked in words", () => {
  it("lists renewals due in the next 90 days grouped by customer, with exact totals per currency", async () => {
    const text = await askCard(billing, "renewals due in the next 90 days");
    expect(text).toContain("Renewals due in the next 90 days");
    expect(text).toContain("Contoso Ltd: 2 line items, $13,500.10");
    expect(text).toContain("PT Fabrikam Indonesia: 1 line item, IDR");
    expect(text).not.toContain("€48,000.00");
  });

  it("narrows the list to the customer named", async () => {
    const text = await askCard(billing, "renewals due in the next 180 days for Contoso");
    expect(text).toContain("Renewals due in the next 180 days for Contoso Ltd");
    expect(text).toContain("Contoso Ltd: 3 line items, €48,000.00 + $13,500.10");
    expect(text).not.toContain("Fabrikam");
  });

  it("answers in French and in Indonesian", async () => {
    const french = await bot.user("billing", "Françoise", "fr-FR");
    expect(await askCard(french, "renouvellements à échéance dans les 30 prochains jours")).toContain("Renouvellements à échéance dans les 30 prochains jours");
    const indonesian = await bot.user("billing", "Budi", "id-ID");
    const text = await askCard(indonesian, "perpanjangan yang jatuh tempo 90 hari ke depan untuk Fabrikam");
    expect(text).toContain("Perpanjangan yang jatuh tempo 90 hari ke depan untuk PT Fabrikam Indonesia");
  });

  it("pages the windows from the list card itself", async () => {
    const { status, body } = await bot.invoke(billing, "renewal.list", { days: "30" });
    expect(status).toBe(200);
    expect(cardText(body.value)).toContain("Renewals due in the next 30 days");
    expect(cardText(body.value)).toContain("Contoso Ltd: 1 line item, $12,500.00");
    expect(cardVerbs(body.value)).toEqual(expect.arrayContaining(["renewal.open", "renewal.list"]));
  });
});

describe("working a renewal from its card", () => {
  it("shows the billing user the actions and the viewer none", async () => {
    const target = await item("AG-100", "001");
    const forBilling = await bot.invoke(billing, "renewal.open", { lineItemId: target?.id });
    expect(cardVerbs(forBilling.body.value)).toEqual(expect.arrayContaining(["renewal.quote", "renewal.renew", "renewal.lose"]));
    const forViewer = await bot.invoke(viewer, "renewal.open", { lineItemId: target?.id });
    expect(cardText(forViewer.body.value)).toContain("Agreement AG-100, line item 001");
    expect(cardVerbs(forViewer.body.value)).not.toContain("renewal.quote");
  });

  it("marks it quoted with the quote number, audited, with its event", async () => {
    const target = await item("AG-100", "001");
    const { status, body } = await bot.invoke(billing, "renewal.quote", { lineItemId: target?.id, quoteNumber: " Q-2026-0100 " });
    expect(status).toBe(200);
    expect(cardText(body.value)).toContain("Marked quoted with quote Q-2026-0100.");
    expect(await item("AG-100", "001")).toMatchObject({ state: "quoted", quoteNumber: "Q-2026-0100" });
    const history = await listAudit(bot.database.db, bot.organisation.id, RENEWAL_RECORD_KIND, target?.id ?? "");
    expect(history.map((entry) => [entry.action, entry.actorName])).toEqual([
      ["imported", "vendor report"],
      ["quoted", "Bea Billing"],
    ]);
    const events = await bot.database.db.organisationEvent.findMany({ where: { organisationId: bot.organisation.id, type: "renewal.quoted" } });
    expect(events.map((event) => JSON.parse(event.payload).quoteNumber)).toEqual(["Q-2026-0100"]);
  });

  it("keeps a loss without a reason inside the card and changes nothing", async () => {
    const target = await item("AG-101", "001");
    const { body } = await bot.invoke(billing, "renewal.lose", { lineItemId: target?.id, reason: "  " });
    expect(cardText(body.value)).toContain("Please say why the renewal was lost.");
    expect(await item("AG-101", "001")).toMatchObject({ state: "open", version: 0 });
  });

  it("marks it lost with the reason, then refuses to mark it renewed: lost is final", async () => {
    const target = await item("AG-101", "001");
    const lost = await bot.invoke(billing, "renewal.lose", { lineItemId: target?.id, reason: "Customer moved to a competitor" });
    expect(cardText(lost.body.value)).toContain("Marked lost.");
    const renewed = await bot.invoke(billing, "renewal.renew", { lineItemId: target?.id });
    expect(cardText(renewed.body.value)).toContain("is already lost");
    expect(await item("AG-101", "001")).toMatchObject({ state: "lost", lostReason: "Customer moved to a competitor" });
  });

  it("refuses a viewer who clicks anyway, and a user of another organisation", async () => {
    const target = await item("AG-200", "001");
    const refused = await bot.invoke(viewer, "renewal.renew", { lineItemId: target?.id });
    expect(cardText(refused.body.value)).toMatch(/Your role \(viewer\) cannot change this renewal/);
    const stranger = await bot.invoke(billing, "renewal.renew", { lineItemId: target?.id }, { tenantId: "tenant-elsewhere" });
    expect(JSON.stringify(stranger.body)).not.toContain("AG-200");
    expect(await item("AG-200", "001")).toMatchObject({ state: "open" });
  });
});
