// With an app id configured, the real CloudAdapter authenticates every request against the
// Bot Framework's OpenID metadata. Here that metadata and its signing key are served locally:
// tokens are signed in the test, and each rule gets its own case.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { findEngagement, insertEngagement } from "../../src/workflows/engagements/store/engagements";
import { startTestBot, type TestBot, type TestUser } from "../support/bot";

const APP_ID = "6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
const ISSUER = "https://api.botframework.test";
const KEY_ID = "test-signing-key";

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

let bot: TestBot;
let metadata: Server;
let privateKey: SigningKey;
let strangerKey: SigningKey;
let approver: TestUser;
let engagement: Engagement;

async function startMetadataServer(publicJwk: JWK): Promise<string> {
  metadata = createServer((req, res) => {
    const base = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
    res.setHeader("content-type", "application/json");
    if (req.url === "/.well-known/openid-configuration") {
      res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
    } else if (req.url === "/keys") {
      res.end(JSON.stringify({ keys: [{ ...publicJwk, kid: KEY_ID, use: "sig", alg: "RS256", endorsements: ["msteams"] }] }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  await new Promise<void>((resolve) => metadata.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/.well-known/openid-configuration`;
}

async function token(
  claims: { aud?: string; iss?: string; serviceurl?: string } = {},
  options: { key?: SigningKey; expiresAt?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl ?? bot.connector.serviceUrl })
    .setProtectedHeader({ alg: "RS256", kid: KEY_ID, typ: "JWT" })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? APP_ID)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 3600)
    .sign(options.key ?? privateKey);
}

function approveWith(authorization: string | undefined) {
  const activity = bot.activity(approver, {
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb: "engagement.approve", data: { engagementId: engagement.id } } },
  });
  return bot.post(activity, authorization ? { authorization } : {});
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  privateKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  const metadataUrl = await startMetadataServer(await exportJWK(pair.publicKey));
  bot = await startTestBot({
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "not-used-for-inbound-checks" },
    app: { authentication: { ToBotFromChannelOpenIdMetadataUrl: metadataUrl, ToBotFromChannelTokenIssuer: ISSUER } },
  });
  approver = await bot.user("approver", "Ana Approver");
  engagement = {
    id: "eng-auth",
    organisationId: bot.organisation.id,
    externalId: "ext-auth",
    reference: "ENG-7001",
    title: "Authenticated approval",
    clientName: "Contoso",
    productName: "Backup",
    requestedAt: new Date("2026-11-20T08:00:00Z"),
    state: "pending",
    version: 1,
  };
  await bot.database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Import" }, engagement.requestedAt)] }),
  );
});

afterAll(async () => {
  await bot?.stop();
  await new Promise((resolve) => metadata?.close(resolve));
});

async function expectUnauthorizedAndUntouched(authorization: string | undefined): Promise<void> {
  const response = await approveWith(authorization);
  expect(response.status).toBe(401);
  expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("pending");
}

describe("inbound authentication with an app id", () => {
  it("refuses a request without a token", () => expectUnauthorizedAndUntouched(undefined));

  it("refuses a token for another bot (wrong audience)", async () =>
    expectUnauthorizedAndUntouched(`Bearer ${await token({ aud: "11111111-2222-4333-8444-555555555555" })}`));

  it("refuses a token from another issuer", async () => expectUnauthorizedAndUntouched(`Bearer ${await token({ iss: "https://attacker.test" })}`));

  it("refuses an expired token", async () => expectUnauthorizedAndUntouched(`Bearer ${await token({}, { expiresAt: Math.floor(Date.now() / 1000) - 3600 })}`));

  it("refuses a token signed by another key (bad signature)", async () => expectUnauthorizedAndUntouched(`Bearer ${await token({}, { key: strangerKey })}`));

  it("refuses a token issued for another service URL", async () =>
    expectUnauthorizedAndUntouched(`Bearer ${await token({ serviceurl: "https://smba.attacker.test/" })}`));

  it("accepts a valid token and acts", async () => {
    const response = await approveWith(`Bearer ${await token()}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string };
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("approved");
  });
});
