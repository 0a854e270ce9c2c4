// The vendor integration managed in Teams, through /api/messages: an admin makes an API key in
// a personal chat and sees it once, the key works on /api/v1 until the admin revokes it, and
// webhook endpoints are registered and disabled the same way; everything is audited without
// its secret. Anyone but an admin, a group chat, bad input and another organisation's ids
// change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/platform/store/api-keys";
import { listAudit } from "../../src/platform/store/audit";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { type TestBot, type TestUser, cardText, startTestBot } from "../support/bot";

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
});

afterAll(async () => bot?.stop());

const textOf = (value: unknown) => (typeof value === "string" ? value : cardText(value));
const keyCount = () => bot.database.db.apiKey.count({ where: { organisationId: bot.organisation.id } });
const endpointCount = () => bot.database.db.webhookEndpoint.count({ where: { organisationId: bot.organisation.id } });
const feed = (key: string) => fetch(`${bot.baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${key}` } });

async function makeKey(admin: TestUser, name: string, scope: "read" | "write" = "write") {
  const answer = await bot.invoke(admin, "integrations.createKey", { name, scope });
  const text = cardText(answer.body.value);
  const key = /pob_[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(key, text).toBeDefined();
  return { key: key as string, text };
}

describe("API keys in Teams", () => {
  it("shows an admin the keys and endpoints when asked in words, in the language asked", async () => {
    const admin = await bot.user("admin", "Alex Admin", "fr-FR");
    bot.connector.clear();
    await bot.sendMessage(admin, "créer une clé api", { locale: "fr-FR" });
    await bot.connector.waitFor((activities) => activities.length >= 1);
    const card = bot.connector.activities[0]?.activity.attachments?.[0]?.content;
    expect(cardText(card)).toMatch(/Intégration fournisseur[\s\S]*Clés API[\s\S]*Créer la clé/);
  });

  it("makes a key shown once, which then reads the feed, and records who made it without the key", async () => {
    const admin = await bot.user("admin", "Ana Admin");
    const { key, text } = await makeKey(admin, "Power Automate flow", "read");
    expect(text).toMatch(/Shown only now/);
    expect((await feed(key)).status).toBe(200);

    const overview = cardText((await bot.invoke(admin, "integrations.open", {})).body.value);
    expect(overview).toMatch(/Power Automate flow/);
    expect(overview).toMatch(/read only · made .* · last used/);
    expect(overview).not.toContain(key);

    const stored = await bot.database.db.apiKey.findFirstOrThrow({ where: { organisationId: bot.organisation.id, name: "Power Automate flow" } });
    const history = await listAudit(bot.database.db, bot.organisation.id, "apiKey", stored.id);
    expect(history).toMatchObject([{ action: "api_key_created", actorName: "Ana Admin", after: { name: "Power Automate flow", scope: "read" } }]);
    expect(JSON.stringify(history)).not.toContain(key);
  });

  it("revokes a key after a confirmation: the key is refused from the next request", async () => {
    const admin = await bot.user("admin", "Rae Admin");
    const { key } = await makeKey(admin, "Nightly sync job");
    const stored = await bot.database.db.apiKey.findFirstOrThrow({ where: { organisationId: bot.organisation.id, name: "Nightly sync job" } });
    const confirm = await bot.invoke(admin, "integrations.confirmRevoke", { keyId: stored.id });
    expect(cardText(confirm.body.value)).toMatch(/Revoke the key for Nightly sync job\?/);
    expect((await feed(key)).status).toBe(200);

    const revoked = await bot.invoke(admin, "integrations.revokeKey", { id: stored.id });
    expect(cardText(revoked.body.value)).toMatch(/The key for Nightly sync job is revoked/);
    expect((await feed(key)).status).toBe(401);
    expect((await listAudit(bot.database.db, bot.organisation.id, "apiKey", stored.id)).at(-1)).toMatchObject({
      action: "api_key_revoked",
      actorName: "Rae Admin",
    });

    const again = await bot.invoke(admin, "integrations.revokeKey", { id: stored.id });
    expect(cardText(again.body.value)).toMatch(/already revoked or does not exist/);
    expect(await listAudit(bot.database.db, bot.organisation.id, "apiKey", stored.id)).toHaveLength(2);
  });

  it("never revokes another organisation's key, whatever the card data names", async () => {
    const admin = await bot.user("admin", "Ola Admin");
    const other = await ensureOrganisation(bot.database.db, "tenant-fabrikam-keys", { name: "Fabrikam", timeZone: "UTC" });
    const theirs = await createApiKey(bot.database.db, { organisationId: other.id, name: "Their flow", scope: "write" });
    const confirm = await bot.invoke(admin, "integrations.confirmRevoke", { keyId: theirs.info.id });
    expect(cardText(confirm.body.value)).toMatch(/already revoked or does not exist/);
    const answer = await bot.invoke(admin, "integrations.revokeKey", { id: theirs.info.id });
    expect(cardText(answer.body.value)).toMatch(/already revoked or does not exist/);
    expect((await bot.database.db.apiKey.findUniqueOrThrow({ where: { id: theirs.info.id } })).revokedAt).toBeNull();
  });

  it("refuses anyone but an admin, whatever the card data says, and makes nothing", async () => {
    const before = await keyCount();
    for (const role of ["approver", "billing", "viewer"] as const) {
      const user = await bot.user(role, `Not Admin ${role}`);
      const answer = await bot.invoke(user, "integrations.createKey", { name: "Sneaky", scope: "write" });
      expect(textOf(answer.body.value)).toMatch(/Only your organisation's admins manage the vendor integration/);
      const opened = await bot.invoke(user, "integrations.open", {});
      expect(textOf(opened.body.value)).toMatch(/Only your organisation's admins/);
    }
    expect(await keyCount()).toBe(before);
  });

  it("makes keys only in a personal chat, where the key reaches its maker alone", async () => {
    const admin = await bot.user("admin", "Gus Admin");
    const before = await keyCount();
    const answer = await bot.invoke(admin, "integrations.createKey", { name: "In the channel", scope: "write" }, { conversationType: "channel" });
    const text = cardText(answer.body.value);
    expect(text).toMatch(/made in your personal chat with the bot/);
    expect(text).not.toMatch(/pob_[A-Za-z0-9_-]{20,}/);
    expect(await keyCount()).toBe(before);
  });

  it("asks what uses the key next to the field, and makes nothing", async () => {
    const admin = await bot.user("admin", "Nia Admin");
    const before = await keyCount();
    const blank = cardText((await bot.invoke(admin, "integrations.createKey", { name: "   ", scope: "write" })).body.value);
    expect(blank).toMatch(/Say what uses the key/);
    const long = cardText((await bot.invoke(admin, "integrations.createKey", { name: "x".repeat(101), scope: "write" })).body.value);
    expect(long).toMatch(/At most 100 characters/);
    expect(await keyCount()).toBe(before);
  });
});

describe("webhook endpoints in Teams", () => {
  it("registers an endpoint with the chosen event types and shows its secret once, then disables it", async () => {
    const admin = await bot.user("admin", "Eve Admin");
    const types = bot.app.services.tables.events.map((event) => event.type);
    const chosen = types.slice(0, 2);
    const answer = await bot.invoke(admin, "integrations.registerEndpoint", {
      url: "http://127.0.0.1:9/hooks",
      eventTypes: chosen.join(","),
      description: "Logic App",
    });
    const text = cardText(answer.body.value);
    expect(text).toMatch(/Signing secret for http:\/\/127\.0\.0\.1:9\/hooks/);
    expect(text).toMatch(/whsec_/);
    const endpoint = await bot.database.db.webhookEndpoint.findFirstOrThrow({
      where: { organisationId: bot.organisation.id, url: "http://127.0.0.1:9/hooks" },
    });
    expect(endpoint.eventTypes.split(",")).toEqual(chosen);

    const overview = cardText((await bot.invoke(admin, "integrations.open", {})).body.value);
    expect(overview).toMatch(new RegExp(`http://127\\.0\\.0\\.1:9/hooks[\\s\\S]*Registered: no event sent yet[\\s\\S]*2 of ${types.length} event types`));
    expect(overview).not.toContain(endpoint.secret);

    const confirm = await bot.invoke(admin, "integrations.confirmDisable", { endpointId: endpoint.id });
    expect(cardText(confirm.body.value)).toMatch(/Disable http:\/\/127\.0\.0\.1:9\/hooks\?/);
    const disabled = await bot.invoke(admin, "integrations.disableEndpoint", { id: endpoint.id });
    expect(cardText(disabled.body.value)).toMatch(/is disabled: no more events are sent to it/);
    expect(cardText(disabled.body.value)).toMatch(/Disabled .*: disabled in Teams by Eve Admin/);

    const history = await listAudit(bot.database.db, bot.organisation.id, "webhookEndpoint", endpoint.id);
    expect(history).toMatchObject([
      { action: "webhook_endpoint_registered", actorName: "Eve Admin", after: { url: "http://127.0.0.1:9/hooks", eventTypes: chosen } },
      { action: "webhook_endpoint_disabled", actorName: "Eve Admin" },
    ]);
    expect(JSON.stringify(history)).not.toContain(endpoint.secret);
  });

  it("names the field that is wrong and registers nothing", async () => {
    const admin = await bot.user("admin", "Ian Admin");
    const before = await endpointCount();
    const cases: [Record<string, string>, RegExp][] = [
      [{ url: "", eventTypes: "x" }, /Enter the endpoint's full address/],
      [{ url: "not a url", eventTypes: bot.app.services.tables.events[0]?.type ?? "" }, /Enter the endpoint's full address/],
      [{ url: "http://integration.example.com/hooks", eventTypes: bot.app.services.tables.events[0]?.type ?? "" }, /must start with https:\/\//],
      [{ url: "https://user:pw@integration.example.com/hooks", eventTypes: bot.app.services.tables.events[0]?.type ?? "" }, /no user name, password/],
      [{ url: "https://integration.example.com/hooks", eventTypes: "" }, /Choose at least one event type/],
      [{ url: "https://integration.example.com/hooks", eventTypes: "billing.everything.deleted" }, /does not exist; choose from the list/],
    ];
    for (const [data, message] of cases) {
      const answer = cardText((await bot.invoke(admin, "integrations.registerEndpoint", data)).body.value);
      expect(answer, JSON.stringify(data)).toMatch(message);
      expect(answer).not.toMatch(/whsec_/);
    }
    expect(await endpointCount()).toBe(before);
  });

  it("never disables another organisation's endpoint", async () => {
    const admin = await bot.user("admin", "Uma Admin");
    const other = await ensureOrganisation(bot.database.db, "tenant-fabrikam-hooks", { name: "Fabrikam", timeZone: "UTC" });
    const theirs = await bot.database.db.webhookEndpoint.create({
      data: { organisationId: other.id, url: "https://fabrikam.example.com/hooks", secret: "whsec_dGhlaXJz", eventTypes: "x.y" },
    });
    const answer = await bot.invoke(admin, "integrations.disableEndpoint", { id: theirs.id });
    expect(cardText(answer.body.value)).toMatch(/already disabled or does not exist/);
    expect((await bot.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: theirs.id } })).disabledAt).toBeNull();
  });
});

describe("changes made through the API and the delivery", () => {
  it("are audited under the key's name", async () => {
    const admin = await bot.user("admin", "Ken Admin");
    const { key } = await makeKey(admin, "Registration script");
    const type = bot.app.services.tables.events[0]?.type ?? "";
    const response = await fetch(`${bot.baseUrl}/api/v1/webhook-endpoints`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ url: "https://sync.example.com/hooks", eventTypes: [type] }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const removed = await fetch(`${bot.baseUrl}/api/v1/webhook-endpoints/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } });
    expect(removed.status).toBe(200);
    expect(await listAudit(bot.database.db, bot.organisation.id, "webhookEndpoint", id)).toMatchObject([
      { action: "webhook_endpoint_registered", actorName: 'API key "Registration script"' },
      { action: "webhook_endpoint_disabled", actorName: 'API key "Registration script"', reason: "disabled through the API" },
    ]);
  });
});
