// Provider accounts end to end through /api/messages and the inbound API: an account appears ->
// its card reaches billing users and admins (not viewers) -> a billing user maps it from its
// suggestions -> the event goes out -> the daily reminder stops; an admin remaps with a reason;
// viewers and other organisations are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderCycleDeps } from "../../../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../../../src/platform/reminders/scheduler";
import { listAudit } from "../../../../src/platform/store/audit";
import { customerRecordsSection } from "../../../../src/workflows/provider-accounts/import/sections";
import { findProviderAccount, PROVIDER_ACCOUNT_KIND } from "../../../../src/workflows/provider-accounts/store/provider-accounts";
import { insertRelationshipRequest } from "../../../../src/workflows/provider-accounts/store/relationship-requests";
import { cardText, cardVerbs, startTestBot, TEST_TENANT_ID, type TestBot, type TestUser } from "../../../support/bot";

const API_KEY = "vendor-key-0123456789-abcdef";
const DAY_MS = 86_400_000;
let clockNow = new Date("2026-11-24T07:00:00Z");
let bot: TestBot;
let billing: TestUser;
let otherBilling: TestUser;
let admin: TestUser;
let viewer: TestUser;
let contosoId = "";
let contosoEuId = "";
let accountId = "";

function postAccount(body: Record<string, unknown>, key = API_KEY) {
  return fetch(`${bot.baseUrl}/api/v1/provider-accounts`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ organisationTenantId: TEST_TENANT_ID, ...body }),
  });
}

function cycle() {
  return runReminderCycle(reminderCycleDeps({ ...bot.app.services, clock: () => clockNow }, bot.app.adapter, { quietHours: undefined }));
}

function cardsTo(user: TestUser): string[] {
  return bot.connector.activities
    .filter((a) => a.conversationId === `a:personal-${user.aadObjectId}`)
    .map((a) => cardText(a.activity.attachments?.[0]?.content));
}

async function install(user: TestUser) {
  const response = await bot.post(
    bot.activity(user, { type: "installationUpdate", action: "add", localTimezone: "UTC" }, { conversationId: `a:personal-${user.aadObjectId}` }),
  );
  expect(response.status).toBe(200);
}

async function click(user: TestUser, verb: string, data: Record<string, unknown>, options = {}) {
  const { status, body } = await bot.invoke(user, verb, data, options);
  expect(status).toBe(200);
  return body;
}

beforeAll(async () => {
  bot = await startTestBot({ env: { VENDOR_API_KEY: API_KEY }, app: { clock: () => clockNow } });
  billing = await bot.user("billing", "Bea Billing");
  otherBilling = await bot.user("billing", "Bob Billing");
  admin = await bot.user("admin", "Ada Admin");
  viewer = await bot.user("viewer", "Vic Viewer");
  for (const user of [billing, otherBilling, admin, viewer]) await install(user);
  await bot.database.db.$transaction((tx) =>
    customerRecordsSection.apply(
      tx,
      bot.organisation,
      [
        { id: "CRM-1001", name: "Contoso Ltd", domains: ["contoso.com"] },
        { id: "CRM-1002", name: "Contoso Europe GmbH", domains: ["contoso.eu"] },
        { id: "CRM-1003", name: "Fabrikam Inc", domains: ["fabrikam.com"] },
      ],
      clockNow,
    ),
  );
  const records = await bot.database.db.customerRecord.findMany({ where: { organisationId: bot.organisation.id } });
  contosoId = records.find((record) => record.externalId === "CRM-1001")?.id ?? "";
  contosoEuId = records.find((record) => record.externalId === "CRM-1002")?.id ?? "";
});

afterAll(async () => bot?.stop());

describe("a provider account, from its arrival to its mapping", () => {
  const account = {
    provider: "Microsoft Partner Center",
    providerAccountId: "3f2a9c1e-7b4d-4c8a-9e21-5d6f7a8b9c01",
    name: "Contoso Pharma",
    domains: ["contoso.com"],
    appearedAt: "2026-11-24T06:00:00Z",
  };

  it("takes the account from the inbound API once, names a bad field, and refuses other facts under the same id", async () => {
    const first = await postAccount(account);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { id: string; replayed: boolean; state: string };
    expect(body).toMatchObject({ state: "unmapped", replayed: false });
    accountId = body.id;
    const replay = await postAccount(account);
    expect((await replay.json()) as object).toMatchObject({ id: accountId, replayed: true });
    const conflict = await postAccount({ ...account, name: "Contoso Pharmaceuticals" });
    expect(conflict.status).toBe(409);
    expect((await conflict.json()) as object).toMatchObject({ error: "provider_account_conflict" });
    const bad = await postAccount({ ...account, providerAccountId: "x-2", domains: ["not a domain"] });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as object).toMatchObject({ fields: { domains: expect.stringContaining("not a domain") } });
    expect((await postAccount(account, "wrong-key-0123456789")).status).toBe(401);
  });

  it("brings billing users and admins its card at once, with the top suggestion and why; viewers get nothing", async () => {
    bot.connector.clear();
    await cycle();
    for (const user of [billing, otherBilling, admin]) {
      const text = cardsTo(user).join("\n");
      expect(text).toContain("Contoso Pharma (Microsoft Partner Center, 3f2a9c1e-7b4d-4c8a-9e21-5d6f7a8b9c01) has just appeared with contoso.com");
      expect(text).toMatch(/Suggested: Contoso Ltd \(\d+\/100, same domain\)/);
    }
    const notice = bot.connector.activities.find(
      (a) => a.conversationId === `a:personal-${billing.aadObjectId}` && cardText(a.activity.attachments?.[0]?.content).includes("has just appeared"),
    );
    expect(cardVerbs(notice?.activity.attachments?.[0]?.content)).toContain("providerAccount.open");
    expect(cardsTo(viewer).join("\n")).not.toContain("Contoso Pharma");
    // The billing users' daily digest counts it; admins hear of it only after three days.
    expect(cardsTo(billing).join("\n")).toMatch(/1 provider account is not mapped yet[\s\S]*Oldest: Contoso Pharma/);
    expect(cardsTo(admin).join("\n")).not.toContain("is not mapped yet");
  });

  it("shows a billing user the suggestions with Map buttons and a search; a viewer neither", async () => {
    const card = await click(billing, "providerAccount.open", { providerAccountId: accountId });
    expect(cardText(card.value)).toMatch(/Contoso Ltd[\s\S]*\/ 100 · Same domain \(contoso\.com\)/);
    expect(cardVerbs(card.value)).toEqual(expect.arrayContaining(["providerAccount.map", "providerAccount.search"]));
    const searched = await click(billing, "providerAccount.search", { providerAccountId: accountId, query: "contoso europe" });
    expect(cardText(searched.value)).toMatch(/Accounts found[\s\S]*Contoso Europe GmbH/);
    const forViewer = await click(viewer, "providerAccount.open", { providerAccountId: accountId });
    expect(cardVerbs(forViewer.value)).not.toContain("providerAccount.map");
  });

  it("refuses a viewer's mapping and another organisation's user, whatever the card data claims", async () => {
    const asViewer = await click(viewer, "providerAccount.map", { providerAccountId: accountId, customerRecordId: contosoId, role: "admin" });
    expect(cardText(asViewer.value)).toMatch(/Only billing users and admins can do this; your role is viewer/);
    const outsider = { ...billing, aadObjectId: "aad-outsider", teamsUserId: "29:outsider", name: "Mallory" };
    const outside = await click(outsider, "providerAccount.map", { providerAccountId: accountId, customerRecordId: contosoId }, { tenantId: "tenant-other" });
    expect(String(outside.value)).toMatch(/does not exist in your organisation/);
    expect((await findProviderAccount(bot.database.db, bot.organisation.id, accountId))?.state).toBe("unmapped");
  });

  it("repeats the digest the next day while the account is unmapped", async () => {
    clockNow = new Date(clockNow.getTime() + DAY_MS);
    bot.connector.clear();
    await cycle();
    expect(cardsTo(billing).join("\n")).toMatch(/1 provider account is not mapped yet/);
  });

  it("maps it in one click, sends the event out, and tells a second mapper who mapped it to what", async () => {
    const mapped = await click(billing, "providerAccount.map", { providerAccountId: accountId, customerRecordId: contosoId });
    expect(cardText(mapped.value)).toMatch(/Mapped to Contoso Ltd\. The change is queued for your billing system/);
    const late = await click(otherBilling, "providerAccount.map", { providerAccountId: accountId, customerRecordId: contosoEuId });
    expect(cardText(late.value)).toMatch(/Already mapped to Contoso Ltd by Bea Billing on/);
    const events = await bot.database.db.organisationEvent.findMany({ where: { organisationId: bot.organisation.id, type: "provideraccount.mapped" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? "{}")).toMatchObject({
      providerAccount: { id: accountId, providerAccountId: account.providerAccountId },
      customer: { id: contosoId, externalId: "CRM-1001" },
      by: "Bea Billing",
    });
  });

  it("stops the reminder once it is mapped", async () => {
    clockNow = new Date(clockNow.getTime() + DAY_MS);
    bot.connector.clear();
    await cycle();
    expect(cardsTo(billing).join("\n")).not.toContain("is not mapped yet");
  });

  it("lets only an admin remap, with a reason, in the history and as an event", async () => {
    const byBilling = await click(billing, "providerAccount.remap", { providerAccountId: accountId, customerRecordId: contosoEuId, reason: "EU entity" });
    expect(cardText(byBilling.value)).toMatch(/Only an admin can change a mapping/);
    const adminCard = await click(admin, "providerAccount.open", { providerAccountId: accountId });
    expect(cardVerbs(adminCard.value)).toContain("providerAccount.unmap");
    const noReason = await click(admin, "providerAccount.remap", { providerAccountId: accountId, customerRecordId: contosoEuId, reason: "" });
    expect(cardText(noReason.value)).toMatch(/Please give a reason/);
    const remapped = await click(admin, "providerAccount.remap", {
      providerAccountId: accountId,
      customerRecordId: contosoEuId,
      reason: "The EU entity is billed",
    });
    expect(cardText(remapped.value)).toMatch(/Remapped to Contoso Europe GmbH/);
    const history = await listAudit(bot.database.db, bot.organisation.id, PROVIDER_ACCOUNT_KIND, accountId);
    expect(history.map((entry) => [entry.action, entry.actorName, entry.reason ?? ""])).toEqual([
      ["providerAccount.appeared", "Inbound API", ""],
      ["provideraccount.mapped", "Bea Billing", ""],
      ["provideraccount.remapped", "Ada Admin", "The EU entity is billed"],
    ]);
    const event = await bot.database.db.organisationEvent.findFirst({ where: { organisationId: bot.organisation.id, type: "provideraccount.remapped" } });
    expect(JSON.parse(event?.payload ?? "{}")).toMatchObject({
      customer: { id: contosoEuId },
      previousCustomer: { id: contosoId },
      reason: "The EU entity is billed",
    });
  });
});

describe("reminders and questions", () => {
  it("tells admins too once an account has waited three days", async () => {
    const old = new Date(clockNow.getTime() - 4 * DAY_MS).toISOString();
    const response = await postAccount({
      provider: "TD SYNNEX",
      providerAccountId: "SYN-204811",
      name: "Zebra Quantum",
      domains: ["zebraquantum.io"],
      appearedAt: old,
    });
    expect(response.status).toBe(200);
    clockNow = new Date(clockNow.getTime() + DAY_MS);
    bot.connector.clear();
    await cycle();
    expect(cardsTo(admin).join("\n")).toMatch(/1 provider account is not mapped yet[\s\S]*Zebra Quantum \(TD SYNNEX\), unmapped for 5 days/);
  });

  it("answers which customers still need mapping, oldest first, with how long", async () => {
    bot.connector.clear();
    await bot.sendMessage(billing, "which customers still need their provider account mapped?");
    await bot.connector.waitFor((activities) => activities.length >= 1);
    const text = cardText(bot.connector.activities.at(-1)?.activity.attachments?.[0]?.content);
    expect(text).toMatch(/1 unmapped provider account[\s\S]*Zebra Quantum \(TD SYNNEX\), unmapped for 5 days/);
  });

  it("answers whether a customer accepted the invitation, and reminds the sender after the configured days", async () => {
    const sentAt = new Date(clockNow.getTime() - 8 * DAY_MS);
    await bot.database.db.$transaction((tx) =>
      insertRelationshipRequest(
        tx,
        bot.organisation.id,
        { customerName: "Alpine Ski House", primaryDomain: "alpineskihouse.com", sentAt },
        { userId: billing.aadObjectId, name: billing.name, role: "billing" },
        clockNow,
      ),
    );
    bot.connector.clear();
    await bot.sendMessage(billing, "did Alpine Ski House accept the reseller invitation?");
    await bot.connector.waitFor((activities) => activities.length >= 1);
    expect(String(bot.connector.activities.at(-1)?.activity.text)).toMatch(/Alpine Ski House has not accepted yet: Bea Billing sent the request on/);
    bot.connector.clear();
    await cycle();
    expect(cardsTo(billing).join("\n")).toMatch(/Alpine Ski House has not accepted the reseller relationship request you sent on/);
    expect(cardsTo(admin).join("\n")).not.toContain("Alpine Ski House");
  });
});

describe("two people mapping one account at once", () => {
  it("keeps one mapping; the other is told who mapped it to what", async () => {
    const response = await postAccount({ provider: "Ingram Micro", providerAccountId: "IM-77", name: "Contoso", domains: ["contoso.com"] });
    const { id } = (await response.json()) as { id: string };
    const [first, second] = await Promise.all([
      click(billing, "providerAccount.map", { providerAccountId: id, customerRecordId: contosoId }),
      click(otherBilling, "providerAccount.map", { providerAccountId: id, customerRecordId: contosoEuId }),
    ]);
    const texts = [cardText(first.value), cardText(second.value)];
    const stored = await findProviderAccount(bot.database.db, bot.organisation.id, id);
    expect(texts.filter((text) => /Mapped to .*The change is queued/.test(text))).toHaveLength(1);
    expect(texts.filter((text) => text.includes(`Already mapped to ${stored?.mapping?.customerName} by ${stored?.mapping?.byName}`))).toHaveLength(1);
    const events = await bot.database.db.organisationEvent.findMany({ where: { organisationId: bot.organisation.id, type: "provideraccount.mapped" } });
    expect(events.filter((event) => JSON.parse(event.payload).providerAccount.id === id)).toHaveLength(1);
  });
});
