// The OpenAPI document: served at /api/v1/openapi.json, identical to the checked-in
// schemas/openapi.json, naming exactly the /api/v1 routes the server has, with every schema a
// valid JSON Schema 2020-12 (OpenAPI 3.1's dialect) and every $ref resolving, and the whole
// document valid by the OpenAPI specification's own schema (@seriousme/openapi-schema-validator).
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOperations } from "../../src/app";
import { openApiDocument } from "../../src/platform/http/openapi";
import { apiVersion } from "../../src/platform/http/openapi-route";
import { startTestBot, type TestBot } from "../support/bot";
import { TABLES } from "../support/tables";

let bot: TestBot;
let served: Record<string, unknown>;
beforeAll(async () => {
  bot = await startTestBot({ env: { WEBHOOKS_ENABLED: "false" } });
  served = (await (await fetch(`${bot.baseUrl}/api/v1/openapi.json`)).json()) as Record<string, unknown>;
});
afterAll(async () => bot?.stop());

type Operations = Record<string, Record<string, { operationId: string; requestBody?: unknown; responses: Record<string, unknown> }>>;
type Document = Record<string, unknown>;

async function openApiErrors(document: Document): Promise<{ valid: boolean; version: string; errors: unknown }> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document));
  return { valid: result.valid, version: validator.version, errors: result.errors };
}

/** The first route's success response, or the first webhook's parameters, of a copy to break. */
function firstResponse(document: Document): Record<string, unknown> {
  const [path] = Object.values(document.paths as Operations);
  const [operation] = Object.values(path ?? {});
  const [response] = Object.values(operation?.responses ?? {});
  if (!response) throw new Error("the document has no route with a response");
  return response as Record<string, unknown>;
}

function firstWebhookParameter(document: Document): Record<string, unknown> {
  const [webhook] = Object.values(document.webhooks as Record<string, { post: { parameters: Record<string, unknown>[] } }>);
  const parameter = webhook?.post.parameters[0];
  if (!parameter) throw new Error("the document has no webhook with parameters");
  return parameter;
}

/** Ways to break a copy of the document that an OpenAPI reader would trip on. */
const BREAKAGES: Record<string, (document: Document) => void> = {
  "without its info": (document) => {
    delete document.info;
  },
  "with a version that is not OpenAPI's": (document) => {
    document.openapi = "3.1";
  },
  "with a path that does not start with /": (document) => {
    const paths = document.paths as Record<string, unknown>;
    for (const [path, methods] of Object.entries(paths)) paths[path.slice(1)] = methods;
  },
  "with a response without its description": (document) => {
    delete firstResponse(document).description;
  },
  "with a header parameter that does not say where it goes": (document) => {
    delete firstWebhookParameter(document).in;
  },
  "with a $ref to a schema it does not hold": (document) => {
    firstResponse(document).content = { "application/json": { schema: { $ref: "#/components/schemas/Missing" } } };
  },
};

describe("the OpenAPI document", () => {
  it("is served without a key and matches schemas/openapi.json (npm run openapi rewrites it)", () => {
    const checkedIn = JSON.parse(readFileSync(new URL("../../schemas/openapi.json", import.meta.url), "utf8")) as unknown;
    expect(served).toEqual(checkedIn);
    expect(served.openapi).toBe("3.1.0");
  });

  it("is a valid OpenAPI 3.1 document by the specification's schema, as served and as npm run openapi writes it", async () => {
    const written = openApiDocument(apiOperations(), TABLES.events, apiVersion());
    for (const document of [served, written]) expect(await openApiErrors(document)).toEqual({ valid: true, version: "3.1", errors: undefined });
  });

  it.each(Object.entries(BREAKAGES))("would be refused by the validator %s", async (_breakage, breakIt) => {
    const broken = structuredClone(served);
    breakIt(broken);
    expect((await openApiErrors(broken)).valid).toBe(false);
  });

  it("gives every workflow route's request body an example, and each example is one its documented schema accepts", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "doc", components: { schemas: (served.components as { schemas: object }).schemas } });
    type Body = { content: { "application/json": { schema: object; example?: unknown } } };
    const bodies = Object.values(served.paths as Operations).flatMap((methods) =>
      Object.values(methods).flatMap((op) => (op.requestBody ? [[op.operationId, op.requestBody as Body] as const] : [])),
    );
    const workflowRoutes = new Set(TABLES.apiOperations.filter((operation) => operation.body).map((operation) => operation.operationId));
    expect(bodies.filter(([operationId]) => workflowRoutes.has(operationId)).length).toBe(workflowRoutes.size);
    for (const [operationId, body] of bodies) {
      const { schema, example } = body.content["application/json"];
      if (workflowRoutes.has(operationId)) expect(example, operationId).toBeDefined();
      if (example === undefined) continue;
      const resolvable = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"doc#/components/schemas/')) as object;
      expect(ajv.validate(resolvable, example), `${operationId}: ${ajv.errorsText()}`).toBe(true);
    }
  });

  it("documents exactly the /api/v1 routes the server answers", () => {
    const routes = bot.app.http.server.getDebugInfo().routes as { method: string; path: string }[];
    const answered = routes
      .filter((route) => route.path.startsWith("/api/v1/") && route.path !== "/api/v1/openapi.json")
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`)
      .sort();
    const documented = Object.entries(served.paths as Operations)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(answered);
  });

  it("documents every outbound event type as a webhook", () => {
    const webhooks = Object.keys(served.webhooks as object).sort();
    expect(webhooks).toEqual(TABLES.events.map((event) => event.type).sort());
    expect(webhooks).toEqual(expect.arrayContaining(["billing.submission.corrected", "billing.submission.created"]));
  });

  it("is well formed: unique operation ids, resolving $refs, and schemas valid in JSON Schema 2020-12", () => {
    const ids = [...Object.values(served.paths as Operations), ...Object.values(served.webhooks as Operations)].flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const components = (served.components as { schemas: Record<string, object> }).schemas;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "doc", components: { schemas: components } });
    const refs: string[] = [];
    const schemas: object[] = [];
    const walk = (node: unknown, key?: string): void => {
      if (Array.isArray(node)) {
        for (const item of node) walk(item);
        return;
      }
      if (!node || typeof node !== "object") return;
      const record = node as Record<string, unknown>;
      if (key === "schema") schemas.push(record);
      for (const [k, v] of Object.entries(record)) {
        if (k === "$ref" && typeof v === "string") refs.push(v);
        else walk(v, k);
      }
    };
    walk(served);
    for (const ref of refs) expect(components[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    for (const schema of [...schemas, ...Object.values(components)]) {
      const resolvable = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"doc#/components/schemas/')) as object;
      expect(() => ajv.compile(resolvable)).not.toThrow();
    }
  });
});
