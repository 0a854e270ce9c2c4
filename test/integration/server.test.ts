// The HTTP server around the bot: probes, error cards with correlation ids, the tenant
// allow-list, and a shutdown that keeps answering (503) while it finishes turns in flight.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { Recognizer } from "../../src/platform/conversation/recognizer";
import { findOrganisationByTenant } from "../../src/platform/store/organisations";
import { cardText, startTestBot, type TestBot } from "../support/bot";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

function capturingLogger(lines: Record<string, unknown>[]) {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: "info" }, stream);
}

describe("the bot's HTTP server", () => {
  it("answers /healthz and /readyz with JSON", async () => {
    bot = await startTestBot();
    const health = await fetch(`${bot.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${bot.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("answers a failing turn with an error card whose reference is in the log, and no stack trace", async () => {
    const lines: Record<string, unknown>[] = [];
    const failing: Recognizer = {
      recognize: () => {
        throw new Error("recognizer exploded at /secret/path.ts:12");
      },
    };
    bot = await startTestBot({ app: { recognizer: failing, logger: capturingLogger(lines) } });
    const user = await bot.user("viewer");
    await bot.sendMessage(user, "status ENG-1");
    const [reply] = await bot.connector.waitFor((a) => a.length >= 1);
    const text = cardText(reply?.activity.attachments?.[0]?.content);
    expect(text).toMatch(/Something went wrong/);
    expect(text).not.toMatch(/exploded|secret|\.ts/);
    const correlationId = /Reference: ([0-9a-f-]{36})/.exec(text)?.[1];
    expect(correlationId).toBeDefined();
    const logged = lines.find((line) => line.correlationId === correlationId);
    expect(logged?.msg).toBe("turn failed");
    expect(JSON.stringify(logged?.err)).toMatch(/recognizer exploded/);
  });

  it("ignores tenants outside the allow-list and creates nothing for them", async () => {
    bot = await startTestBot({ env: { ALLOWED_TENANT_IDS: "tenant-contoso, tenant-fabrikam" } });
    const user = await bot.user("admin");
    await bot.sendMessage(user, "pending", { tenantId: "tenant-intruder" });
    await bot.connector.waitFor((a) => a.length >= 1);
    expect(bot.connector.activities[0]?.activity.text).toMatch(/not enabled for your organisation/);
    expect(await findOrganisationByTenant(bot.database.db, "tenant-intruder")).toBeUndefined();
    bot.connector.clear();
    await bot.sendMessage(user, "pending");
    await bot.connector.waitFor((a) => a.length >= 1);
    expect(cardText(bot.connector.activities[0]?.activity.attachments?.[0]?.content)).toMatch(/pending engagement/);
  });

  it("finishes a turn in flight on shutdown, answering 503 to /readyz and to new turns meanwhile", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Recognizer = {
      recognize: async () => {
        await gate;
        return { intent: "help", confidence: 1, entities: {} };
      },
    };
    bot = await startTestBot({ app: { recognizer: slow } });
    const user = await bot.user("viewer");
    const inFlight = bot.sendMessage(user, "help");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopping = bot.app.http.close();
    const readiness = await fetch(`${bot.baseUrl}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: "draining" });
    expect((await bot.sendMessage(user, "help")).status).toBe(503);
    release();
    expect((await inFlight).status).toBe(200);
    await stopping;
    // The turn that was in flight still delivered its answer before the server went away.
    expect(bot.connector.activities).toHaveLength(1);
    await expect(fetch(`${bot.baseUrl}/healthz`)).rejects.toThrow();
  });
});
