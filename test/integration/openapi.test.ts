// The OpenAPI document: served at /api/v1/openapi.json, identical to the checked-in
// schemas/openapi.json, naming exactly the /api/v1 routes the server has, with every schema a
// valid JSON Schema 2020-12 (OpenAPI 3.1's dialect) and every $ref resolving.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("the OpenAPI document", () => {
  it("is served without a key and matches schemas/openapi.json (npm run openapi rewrites it)", () => {
    const checkedIn = JSON.parse(readFileSync(new URL("../../schemas/openapi.json", import.meta.url), "utf8")) as unknown;
    expect(served).toEqual(checkedIn);
    expect(served.openapi).toBe("3.1.0");
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
