// botframework-connector keeps a module-global list of emulator issuers and adds four to it for
// every new `tid` claim it meets, before checking any signature. Tokens whose unverified issuer
// or tenant is not one we know are refused before botbuilder reads them: the list stays flat.
import { randomUUID } from "node:crypto";
import { ToBotFromBotOrEmulatorTokenValidationParameters } from "botframework-connector/lib/auth/tokenValidationParameters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot, type TestUser } from "../support/bot";

const APP_ID = "6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
// Nothing listens here: a token that got as far as a key lookup would fail, never reach the internet.
const NOWHERE = "http://127.0.0.1:9/.well-known/openid-configuration";

let bot: TestBot;
let user: TestUser;

beforeAll(async () => {
  bot = await startTestBot({
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "not-used-for-inbound-checks" },
    app: { authentication: { ToBotFromChannelOpenIdMetadataUrl: NOWHERE, ToBotFromEmulatorOpenIdMetadataUrl: NOWHERE } },
  });
  user = await bot.user("viewer");
});
afterAll(async () => bot?.stop());

function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT", kid: "nope" })}.${part(claims)}.${Buffer.from("not a signature").toString("base64url")}`;
}

/** 200 in the suite; the hardening issue's 5,000 with ATTACK_TOKENS=5000. */
const TOKENS = Number(process.env.ATTACK_TOKENS ?? 200);

const issuers = () => (ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[]).length;

describe("tokens with issuers and tenants nobody configured", () => {
  it("are refused with 401 and leave botbuilder's issuer list as long as it was", async () => {
    const before = issuers();
    const activity = bot.activity(user, { type: "message", text: "help" });
    const statuses = new Set<number>();
    for (let i = 0; i < TOKENS; i += 1) {
      const tid = randomUUID();
      const claims = [
        { iss: `https://sts.windows.net/${tid}/`, tid, aud: APP_ID },
        { iss: "https://api.botframework.com", tid, aud: APP_ID },
        { iss: "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", tid, aud: APP_ID },
      ][i % 3];
      const response = await bot.post(activity, { authorization: `Bearer ${unsignedToken(claims ?? {})}` });
      statuses.add(response.status);
    }
    expect([...statuses]).toEqual([401]);
    expect(issuers()).toBe(before);
    expect(bot.connector.requests).toHaveLength(0);
  });
});
