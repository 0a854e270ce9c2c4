// Every inbound route of every workflow (folded from the workflow tables, so a new workflow is
// covered without editing this file) against every kind of key: none, a malformed header, a key
// never issued, a revoked key, another organisation's key, a read-only key, and the right one.
// Each refusal names the problem and leaves the database as it was, row by row (the key's
// last-use time aside); the right key gets the route's answer, with a body its documented
// schema accepts. The bodies are the routes' documented examples, sent to the demo organisation.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/sqlite/client";
import type { ApiOperation } from "../../src/platform/http/openapi";
import { PLAYGROUND_TENANT_ID } from "../../src/platform/import/demo/playground-identities";
import { seedDemo } from "../../src/platform/import/demo/seed-demo";
import { createApiKey, revokeApiKey } from "../../src/platform/store/api-keys";
import { findOrganisationByTenant } from "../../src/platform/store/organisations";
import { startTestBot, type TestBot } from "../support/bot";
import { TABLES } from "../support/tables";

/** The demo's dates, and the examples', are those of a seeding at this instant. */
const NOW = new Date("2026-12-01T09:30:00+01:00");

/** Examples that cannot succeed against the demo alone, and the 404 or 409 their route answers
 *  instead (still past the key check): the record they name is made in Teams, or is not in the
 *  state the route needs, in the demo. */
const ANSWERED_WITHOUT_SUCCESS: Record<string, { status: number; error: string }> = {
  answerPrimaryContactClaim: { status: 404, error: "not_found" },
  confirmVoucherPayment: { status: 409, error: "step_out_of_order" },
};

const OPERATIONS: readonly ApiOperation[] = TABLES.apiOperations;

let bot: TestBot;
const keys = { write: "", read: "", revoked: "", otherOrganisation: "" };
let validResponse: (operation: ApiOperation, status: number, body: unknown) => boolean;

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => NOW }, env: { WEBHOOKS_ENABLED: "false" } });
  const db = bot.database.db;
  await seedDemo(db, TABLES, NOW);
  const demo = await findOrganisationByTenant(db, PLAYGROUND_TENANT_ID);
  if (!demo) throw new Error("the demo organisation was not seeded");
  keys.write = (await createApiKey(db, { organisationId: demo.id, name: "integration", scope: "write" })).key;
  keys.read = (await createApiKey(db, { organisationId: demo.id, name: "reporting", scope: "read" })).key;
  const revoked = await createApiKey(db, { organisationId: demo.id, name: "retired", scope: "write" });
  await revokeApiKey(db, demo.id, revoked.info.id, NOW);
  keys.revoked = revoked.key;
  keys.otherOrganisation = (await createApiKey(db, { organisationId: bot.organisation.id, name: "integration", scope: "write" })).key;
  validResponse = await documentedResponses();
});

afterAll(async () => bot?.stop());

interface Refusal {
  name: string;
  headers: () => Record<string, string>;
  applies?: (operation: ApiOperation) => boolean;
  status: number;
  error: string;
  message: RegExp;
}

const UNAUTHORIZED = { status: 401, error: "unauthorized", message: /a valid API key is required/ };

const REFUSALS: readonly Refusal[] = [
  { name: "no key", headers: () => ({}), ...UNAUTHORIZED },
  { name: "a malformed Authorization header", headers: () => ({ authorization: `Basic ${Buffer.from("vendor:secret").toString("base64")}` }), ...UNAUTHORIZED },
  { name: "a key never issued", headers: () => ({ authorization: `Bearer pob_${"x".repeat(32)}` }), ...UNAUTHORIZED },
  { name: "a revoked key", headers: () => ({ authorization: `Bearer ${keys.revoked}` }), ...UNAUTHORIZED },
  {
    name: "another organisation's write key",
    headers: () => ({ "x-api-key": keys.otherOrganisation }),
    // Another organisation's records are as unknown to the key as records that do not exist.
    status: 404,
    error: "not_found",
    message: /unknown organisation/,
  },
  {
    name: "the organisation's read-only key",
    headers: () => ({ authorization: `Bearer ${keys.read}` }),
    applies: (operation) => operation.scope === "write",
    status: 403,
    error: "forbidden",
    message: /read-only/,
  },
];

describe.each(OPERATIONS.map((operation) => [`${operation.method.toUpperCase()} ${operation.path}`, operation] as const))("%s", (_route, operation) => {
  it("has a documented example its own schema accepts", () => {
    expect(operation.example, `${operation.operationId} needs an example`).toBeDefined();
    if (operation.body) expect(operation.body.safeParse(operation.example).success).toBe(true);
  });

  for (const refusal of REFUSALS.filter((candidate) => candidate.applies?.(operation) ?? true)) {
    it(`refuses ${refusal.name} (${refusal.status}, naming the problem) and writes nothing`, async () => {
      const before = await databaseRows();
      const response = await send(operation, refusal.headers());
      const body = await response.json();
      expect(response.status).toBe(refusal.status);
      expect(body).toMatchObject({ error: refusal.error, message: expect.stringMatching(refusal.message) });
      if (refusal.status === 401) expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(validResponse(operation, response.status, body)).toBe(true);
      expect(await databaseRows()).toEqual(before);
    });
  }

  it("answers the organisation's write key with the documented result", async () => {
    const before = await databaseRows();
    const response = await send(operation, { authorization: `Bearer ${keys.write}` });
    const body = await response.json();
    const instead = ANSWERED_WITHOUT_SUCCESS[operation.operationId];
    expect({ status: response.status, body }).toMatchObject(
      instead ? { status: instead.status, body: { error: instead.error } } : { status: operation.response.status },
    );
    expect(validResponse(operation, response.status, body)).toBe(true);
    if (!instead) expect(await databaseRows()).not.toEqual(before);
  });
});

function send(operation: ApiOperation, headers: Record<string, string>): Promise<Response> {
  return fetch(`${bot.baseUrl}${operation.path}`, {
    method: operation.method.toUpperCase(),
    headers: { "content-type": "application/json", ...headers },
    ...(operation.example ? { body: JSON.stringify(operation.example) } : {}),
  });
}

/** Every row of every table, in a stable order; API keys without their last-use time. */
async function databaseRows(): Promise<Record<string, string[]>> {
  const db = bot.database.db as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>;
  const tables: Record<string, string[]> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const table = db[model.charAt(0).toLowerCase() + model.slice(1)];
    if (!table) throw new Error(`the client has no table for ${model}`);
    const rows = await table.findMany();
    tables[model] = rows
      .map(({ lastUsedAt, ...row }) =>
        JSON.stringify(model === "ApiKey" ? row : { ...row, lastUsedAt }, (_key, value) => (typeof value === "bigint" ? String(value) : value)),
      )
      .sort();
  }
  return tables;
}

/** Checks an answer against the served document's schema for that route and status. */
async function documentedResponses(): Promise<(operation: ApiOperation, status: number, body: unknown) => boolean> {
  type Responses = Record<string, { content: { "application/json": { schema: object } } }>;
  const served = (await (await fetch(`${bot.baseUrl}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { responses: Responses }>>;
    components: { schemas: object };
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: { schemas: served.components.schemas } });
  return (operation, status, body) => {
    const documented = served.paths[operation.path]?.[operation.method]?.responses[status];
    if (!documented) return false;
    const schema = JSON.parse(JSON.stringify(documented.content["application/json"].schema).replaceAll('"#/components/', '"doc#/components/')) as object;
    return ajv.validate(schema, body) as boolean;
  };
}
