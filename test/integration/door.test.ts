// What an unauthenticated caller can send to the door, /api/messages and /api/v1: a malformed
// envelope, an ambiguous JSON body, strings no store keeps, a reply address elsewhere than
// this machine in open mode. Each is a 400 with a generic message; nothing internal leaks and
// nothing is sent or written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot, type TestUser } from "../support/bot";

const VENDOR_API_KEY = "vendor-key-0123456789-abcdef";
let bot: TestBot;
let user: TestUser;

beforeAll(async () => {
  bot = await startTestBot({ env: { VENDOR_API_KEY } });
  user = await bot.user("viewer");
});
afterAll(async () => bot?.stop());

function postRaw(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${bot.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

async function expectGeneric400(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  const text = await response.text();
  expect(text).not.toMatch(/validateAndFixActivity|TypeError|at .*\.(js|ts)/);
}

describe("the /api/messages envelope", () => {
  it.each([
    ["a numeric type", { type: 7 }],
    ["an object type", { type: { a: 1 } }],
    ["no type", { type: undefined }],
    ["a numeric serviceUrl", { serviceUrl: 12 }],
    ["an object serviceUrl", { serviceUrl: { href: "x" } }],
    ["a numeric conversation id", { conversation: { id: 5 } }],
  ])("answers %s with a generic 400 and sends nothing", async (_name, fields) => {
    bot.connector.clear();
    await expectGeneric400(await bot.post(bot.activity(user, { type: "message", text: "help", ...fields })));
    expect(bot.connector.requests).toHaveLength(0);
  });

  it("answers a body that is not an object with a generic 400", async () => {
    await expectGeneric400(await postRaw("/api/messages", "[1,2]"));
    await expectGeneric400(await postRaw("/api/messages", '"message"'));
  });

  it("refuses a JSON body that names a key twice", async () => {
    const body = JSON.stringify(bot.activity(user, { type: "message", text: "help" })).replace(/^\{/, '{"type":"invoke",');
    await expectGeneric400(await postRaw("/api/messages", body));
  });
});

describe("open local mode", () => {
  it.each([
    "http://10.0.0.7:8080/",
    "https://smba.trafficmanager.net/teams/",
    "http://169.254.169.254/latest/",
    "file:///etc/passwd",
    "http://user:pw@127.0.0.1/",
  ])("refuses to reply to %s", async (serviceUrl) => {
    await expectGeneric400(await bot.post(bot.activity(user, { type: "message", text: "help", serviceUrl })));
  });

  it("refuses an activity that names no serviceUrl (botbuilder would reach the public Bot Connector)", async () => {
    const { serviceUrl: _serviceUrl, ...activity } = bot.activity(user, { type: "message", text: "help" });
    await expectGeneric400(await bot.post(activity));
  });

  it("still replies to a loopback serviceUrl", async () => {
    bot.connector.clear();
    expect((await bot.sendMessage(user, "help")).status).toBe(200);
    await bot.connector.waitFor((activities) => activities.length >= 1);
  });
});

describe("API bodies", () => {
  const auth = { authorization: `Bearer ${VENDOR_API_KEY}` };

  it("refuses a body that names a key twice, last-wins or not", async () => {
    const body = `{"organisationTenantId":"tenant-contoso","billingEntryId":"x","decisionId":"d1","outcome":"rated","outcome":"rejected","reason":"r"}`;
    const response = await postRaw("/api/v1/billing-decisions", body, auth);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request", message: expect.stringMatching(/"outcome"/) });
  });

  it.each([
    ["a NUL", '"tenant-\\u0000contoso"'],
    ["a lone high surrogate", '"tenant-\\ud800"'],
    ["a lone low surrogate", '"\\udc00tenant"'],
  ])("refuses %s in a string with a 400 naming the field", async (_name, tenant) => {
    const body = `{"organisationTenantId":${tenant},"billingEntryId":"x","decisionId":"d1","outcome":"rated"}`;
    const response = await postRaw("/api/v1/billing-decisions", body, auth);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request", fields: { organisationTenantId: expect.any(String) } });
    const completion = `{"organisationTenantId":"tenant-contoso","engagementExternalId":${tenant}}`;
    expect((await postRaw("/api/v1/completion-requests", completion, auth)).status).toBe(400);
  });
});
