// Who acts, for which organisation: resolved from the activity's envelope, never from card data.
// With an app id the envelope must name a tenant and an Entra object id; only the open local
// mode (no app id, never in production) stands in for missing ones.
import type { TurnContext } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveTurnScope } from "../../src/platform/bot/turn-scope";
import { findOrganisationByTenant, findUser } from "../../src/platform/store/organisations";
import { startTestBot, TEST_TENANT_ID, type TestBot } from "../support/bot";

let bot: TestBot;

beforeAll(async () => {
  // Every newcomer an admin by default: the rules below must hold even then.
  bot = await startTestBot({ env: { DEFAULT_ROLE: "admin" } });
});

afterAll(async () => bot?.stop());

function activity(fields: { tenantId?: string; aadObjectId?: string; fromId: string }) {
  return {
    type: "message",
    channelId: "msteams",
    from: { id: fields.fromId, name: "Somebody", ...(fields.aadObjectId ? { aadObjectId: fields.aadObjectId } : {}) },
    conversation: { id: `a:${fields.fromId}`, ...(fields.tenantId ? { tenantId: fields.tenantId } : {}) },
    channelData: fields.tenantId ? { tenant: { id: fields.tenantId } } : {},
  };
}

function resolve(fields: Parameters<typeof activity>[0], appId: string) {
  const services = { ...bot.app.services, config: { ...bot.app.services.config, MicrosoftAppId: appId } };
  return resolveTurnScope({ activity: activity(fields) } as unknown as TurnContext, services);
}

describe("tenant and identity with an app id", () => {
  const appId = "6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";

  it("refuses an activity that names no tenant, creating no organisation for it", async () => {
    expect(await resolve({ aadObjectId: "aad-no-tenant", fromId: "29:no-tenant" }, appId)).toBe("no_identity");
    expect(await findOrganisationByTenant(bot.database.db, "local")).toBeUndefined();
  });

  it("refuses an activity without an Entra object id rather than trusting the Teams user id", async () => {
    expect(await resolve({ tenantId: TEST_TENANT_ID, fromId: "29:no-aad" }, appId)).toBe("no_identity");
    expect(await findUser(bot.database.db, bot.organisation.id, "29:no-aad")).toBeUndefined();
  });

  it("keeps a known user's stored role whatever role newcomers get", async () => {
    const viewer = await bot.user("viewer", "Victor Viewer");
    const scope = await resolve({ tenantId: TEST_TENANT_ID, aadObjectId: viewer.aadObjectId, fromId: viewer.teamsUserId }, appId);
    expect(typeof scope === "string" ? scope : scope.actor.role).toBe("viewer");
  });
});

describe("tenant and identity in open local mode (no app id)", () => {
  it("stands in a local tenant and the Teams user id, for the Playground and the Emulator", async () => {
    const scope = await resolve({ fromId: "emulator-user" }, "");
    if (typeof scope === "string") throw new Error(`refused: ${scope}`);
    expect(scope.organisation.tenantId).toBe("local");
    expect(scope.actor.aadObjectId).toBe("emulator-user");
  });
});
