// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes parse
// with (zod's own JSON Schema output, the 2020-12 dialect OpenAPI 3.1 uses): each route is
// declared once as an ApiOperation beside its handler, each outbound event type as a webhook.
// Schemas named with `.meta({ id })` become components.
import { z } from "zod";
import type { EventCatalog } from "../events/define-event";

export interface ApiOperation {
  method: "get" | "post" | "delete";
  /** OpenAPI form: /api/v1/webhook-endpoints/{id} */
  path: string;
  operationId: string;
  summary: string;
  scope: "read" | "write";
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The document's example of the request, for the demo organisation (`npm run seed:demo`, its
   *  dates those of a seeding on 1 December 2026, the tests' clock); the key tests send it. */
  example?: Record<string, unknown>;
  response: { status: number; schema: z.ZodType; description: string };
  /** Error statuses besides 401, 403 and 500, which every route may answer. */
  errors: number[];
}

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "The body or query is invalid; `fields` names each bad field",
  401: "No valid API key",
  403: "The key's scope or kind does not allow this route",
  404: "Not found in the key's organisation",
  409: "Contradicts what was recorded before; `error` is the refusal code",
  413: "The body is over 1 MB",
  500: "The request could not be processed; retry later",
};

export const ZErrorSchema = z
  .object({
    error: z.string(),
    message: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "Error" });

export function openApiDocument(operations: readonly ApiOperation[], events: EventCatalog, version: string): Json {
  const components: Record<string, Json> = {};
  const schema = (zod: z.ZodType, io: "input" | "output") => toSchema(zod, io, components);
  const paths: Record<string, Record<string, Json>> = {};
  for (const operation of operations) {
    const responses: Record<string, Json> = {
      [operation.response.status]: {
        description: operation.response.description,
        content: { "application/json": { schema: schema(operation.response.schema, "output") } },
      },
    };
    for (const status of [...operation.errors, 401, 403, 500].sort((a, b) => a - b)) {
      responses[status] = { description: ERROR_TEXT[status] ?? "Error", content: { "application/json": { schema: schema(ZErrorSchema, "output") } } };
    }
    const parameters = [
      ...[...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: "path", required: true, schema: { type: "string" } })),
      ...Object.entries(operation.query?.shape ?? {}).map(([name, field]) => ({
        name,
        in: "query",
        required: false,
        schema: schema(field as z.ZodType, "input"),
      })),
    ];
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: {
        operationId: operation.operationId,
        summary: operation.summary,
        description: `Needs an organisation API key with the ${operation.scope} scope.`,
        security: [{ bearer: [] }, { apiKeyHeader: [] }],
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(operation.body
          ? { requestBody: { required: true, content: { "application/json": requestMedia(operation, schema(operation.body, "input")) } } }
          : {}),
        responses,
      },
    };
  }
  const webhooks = Object.fromEntries(
    events.map((event) => [
      event.type,
      {
        post: {
          operationId: `webhook.${event.type}`,
          summary: event.summary,
          description: "Signed per Standard Webhooks: verify webhook-signature over `<webhook-id>.<webhook-timestamp>.<body>` and deduplicate by webhook-id.",
          parameters: ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => ({
            name,
            in: "header",
            required: true,
            schema: { type: "string" },
          })),
          requestBody: { required: true, content: { "application/json": { schema: schema(envelope(event.type, event.schema), "output") } } },
          responses: { "2XX": { description: "Taken; any other answer is retried with the same webhook-id, and 410 disables the endpoint" } },
        },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Partner Ops Bot integration API",
      version,
      description: "Events from Teams to the vendor's side (webhooks and the pull feed), and the vendor's answers back.",
    },
    paths,
    webhooks,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, apiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key" } },
    },
  };
}

function requestMedia(operation: ApiOperation, schema: Json): Json {
  return operation.example ? { schema, example: operation.example } : { schema };
}

function envelope(type: string, data: z.ZodType): z.ZodType {
  return z.object({ id: z.string(), type: z.literal(type), timestamp: z.iso.datetime(), data });
}

/** The schema as OpenAPI wants it: no $schema, named parts hoisted into components. */
function toSchema(zod: z.ZodType, io: "input" | "output", components: Record<string, Json>): Json {
  const json = z.toJSONSchema(zod, { io, unrepresentable: "any" }) as Json;
  const defs = (json.$defs ?? {}) as Record<string, Json>;
  delete json.$schema;
  delete json.$defs;
  for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def) as Json;
  const id = typeof json.id === "string" ? json.id : undefined;
  const body = rewrite(json) as Json;
  if (!id) return body;
  components[id] = body;
  return { $ref: `#/components/schemas/${id}` };
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "id" && typeof value === "string") continue;
    out[key] = key === "$ref" && typeof value === "string" ? value.replace("#/$defs/", "#/components/schemas/") : rewrite(value);
  }
  return out;
}
