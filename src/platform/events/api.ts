// The event routes of /api/v1, for an organisation's API key: the pull feed
// (GET /api/v1/events?after=&limit=) and the organisation's webhook endpoints (register,
// list with their delivery health, disable, and the dead deliveries of one). The feed's
// cursor is the last position read: positions are handed out in commit order (emit.ts), so
// "after n" never skips an event that committed late.
import type restify from "restify";
import { z } from "zod";
import { type ApiCaller, requireApiCaller } from "../http/api-caller";
import type { ApiOperation } from "../http/openapi";
import type { RouteRegistrar } from "../http/server";
import type { Services } from "../services";
import type { ApiKeyScope } from "../store/api-keys";
import { type EventCatalog, eventTypesOf } from "./define-event";
import { disableEndpointAudited, registerEndpointAudited } from "../integrations/changes";
import { listWebhookEndpoints, type WebhookEndpoint } from "./endpoints";
import { eventEnvelope, readEventsAfter } from "./events";
import { deliveryCounts, listDeadDeliveries } from "./delivery-status";

export const ZFeedQuerySchema = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,15}$/, "must be a cursor returned by an earlier page, or 0")
    .default("0")
    .meta({ description: "The `next` cursor of the previous page; 0 or absent for the first" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZFeedEventSchema = z
  .object({
    id: z.string().meta({ description: "The event id; also the webhook-id of its webhook deliveries" }),
    type: z.string(),
    timestamp: z.iso.datetime(),
    position: z.number().int(),
    data: z.unknown(),
  })
  .meta({ id: "FeedEvent" });

export const ZFeedPageSchema = z
  .object({ events: z.array(ZFeedEventSchema), next: z.string().meta({ description: "Pass as `after` to read on" }), hasMore: z.boolean() })
  .meta({ id: "FeedPage" });

export function zWebhookEndpointBody(catalog: EventCatalog) {
  const types = eventTypesOf(catalog) as [string, ...string[]];
  return z.strictObject({
    url: z
      .string()
      .max(2000)
      .meta({ description: "HTTPS in production; http://127.0.0.1 or localhost outside it", example: "https://integration.example.com/hooks/partner-ops" }),
    eventTypes: z.array(z.enum(types)).min(1),
    description: z.string().max(200).optional(),
  });
}

export const ZWebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    description: z.string().nullable(),
    status: z.enum(["healthy", "failing", "disabled"]),
    lastSuccessAt: z.iso.datetime().nullable(),
    failingSince: z.iso.datetime().nullable(),
    lastError: z.string().nullable(),
    disabledAt: z.iso.datetime().nullable(),
    disabledReason: z.string().nullable(),
    deliveries: z.object({ pending: z.number().int(), sent: z.number().int(), dead: z.number().int() }),
  })
  .meta({ id: "WebhookEndpoint" });

const ZDeadDeliveriesSchema = z.object({
  deliveries: z.array(z.object({ eventId: z.string(), attempts: z.number().int(), lastError: z.string().nullable(), createdAt: z.iso.datetime() })),
});

export function eventsApiOperations(catalog: EventCatalog): ApiOperation[] {
  const endpoint = { status: 200, schema: ZWebhookEndpointSchema, description: "The endpoint and how its deliveries stand" };
  return [
    {
      method: "get",
      path: "/api/v1/events",
      operationId: "listEvents",
      summary: "The organisation's events in commit order, after a cursor",
      scope: "read",
      query: ZFeedQuerySchema,
      response: { status: 200, schema: ZFeedPageSchema, description: "One page of events" },
      errors: [400],
    },
    {
      method: "get",
      path: "/api/v1/webhook-endpoints",
      operationId: "listWebhookEndpoints",
      summary: "The organisation's webhook endpoints and their delivery health",
      scope: "read",
      response: { ...endpoint, schema: z.object({ endpoints: z.array(ZWebhookEndpointSchema) }) },
      errors: [],
    },
    {
      method: "post",
      path: "/api/v1/webhook-endpoints",
      operationId: "registerWebhookEndpoint",
      summary: "Registers an endpoint; the answer carries its signing secret, shown only once",
      scope: "write",
      body: zWebhookEndpointBody(catalog),
      response: { status: 201, schema: z.object({ ...ZWebhookEndpointSchema.shape, secret: z.string() }), description: "Registered" },
      errors: [400, 413],
    },
    {
      method: "delete",
      path: "/api/v1/webhook-endpoints/{id}",
      operationId: "disableWebhookEndpoint",
      summary: "Disables an endpoint: nothing more is sent to it",
      scope: "write",
      response: { status: 200, schema: z.object({ id: z.string(), disabled: z.literal(true) }), description: "Disabled" },
      errors: [404],
    },
    {
      method: "get",
      path: "/api/v1/webhook-endpoints/{id}/dead-deliveries",
      operationId: "listDeadDeliveries",
      summary: "Deliveries given up after the last retry, newest first",
      scope: "read",
      response: { status: 200, schema: ZDeadDeliveriesSchema, description: "Dead deliveries" },
      errors: [404],
    },
  ];
}

type Reply = { status: number; body: object };

export function registerEventsApi(catalog: EventCatalog): RouteRegistrar {
  const body = zWebhookEndpointBody(catalog);
  return (server, services) => {
    server.get(
      "/api/v1/events",
      route(services, "read", (req, caller) => readFeed(req, services, caller)),
    );
    server.get(
      "/api/v1/webhook-endpoints",
      route(services, "read", (_req, caller) => listEndpoints(services, caller)),
    );
    server.post(
      "/api/v1/webhook-endpoints",
      route(services, "write", (req, caller) => registerEndpoint(req, services, caller, body, catalog)),
    );
    server.del(
      "/api/v1/webhook-endpoints/:id",
      route(services, "write", (req, caller) => disableEndpoint(req, services, caller)),
    );
    server.get(
      "/api/v1/webhook-endpoints/:id/dead-deliveries",
      route(services, "read", (req, caller) => deadDeliveries(req, services, caller)),
    );
  };
}

function route(services: Services, scope: ApiKeyScope, handle: (req: restify.Request, caller: Extract<ApiCaller, { kind: "organisation" }>) => Promise<Reply>) {
  return async (req: restify.Request, res: restify.Response) => {
    try {
      const caller = await requireApiCaller(req, res, services, scope);
      if (!caller) return;
      if (caller.kind !== "organisation") {
        res.send(403, {
          error: "forbidden",
          message: "events and webhooks need an organisation's API key (npm run api-key -- create); VENDOR_API_KEY is not one",
        });
        return;
      }
      const reply = await handle(req, caller);
      res.send(reply.status, reply.body);
    } catch (error) {
      services.logger.error({ err: error, path: req.path() }, "events API request failed");
      res.send(500, { error: "internal", message: "the request could not be processed; retry later" });
    }
  };
}

function invalid(issues: readonly z.core.$ZodIssue[]): Reply {
  return {
    status: 400,
    body: { error: "invalid_request", fields: Object.fromEntries(issues.map((issue) => [issue.path.join(".") || "(body)", issue.message])) },
  };
}

async function readFeed(req: restify.Request, services: Services, caller: { organisationId: string }): Promise<Reply> {
  const parsed = ZFeedQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? "", "http://localhost").searchParams));
  if (!parsed.success) return invalid(parsed.error.issues);
  const after = Number(parsed.data.after);
  // One more than asked tells whether another page follows, without a count.
  const rows = await readEventsAfter(services.db, caller.organisationId, after, parsed.data.limit + 1);
  const page = rows.slice(0, parsed.data.limit);
  const events = page.map((event) => ({ ...eventEnvelope(event), position: event.position }));
  return { status: 200, body: { events, next: String(page.at(-1)?.position ?? after), hasMore: rows.length > page.length } };
}

async function describeEndpoint(services: Services, endpoint: WebhookEndpoint): Promise<z.infer<typeof ZWebhookEndpointSchema>> {
  const iso = (date?: Date) => date?.toISOString() ?? null;
  return {
    id: endpoint.id,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    description: endpoint.description ?? null,
    status: endpoint.disabledAt ? "disabled" : endpoint.failingSince ? "failing" : "healthy",
    lastSuccessAt: iso(endpoint.lastSuccessAt),
    failingSince: iso(endpoint.failingSince),
    lastError: endpoint.lastError ?? null,
    disabledAt: iso(endpoint.disabledAt),
    disabledReason: endpoint.disabledReason ?? null,
    deliveries: await deliveryCounts(services.db, endpoint.id),
  };
}

async function listEndpoints(services: Services, caller: { organisationId: string }): Promise<Reply> {
  const endpoints = await listWebhookEndpoints(services.db, caller.organisationId);
  return { status: 200, body: { endpoints: await Promise.all(endpoints.map((endpoint) => describeEndpoint(services, endpoint))) } };
}

async function registerEndpoint(
  req: restify.Request,
  services: Services,
  caller: { organisationId: string; keyName: string },
  schema: z.ZodType<{ url: string; eventTypes: string[]; description?: string | undefined }>,
  catalog: EventCatalog,
): Promise<Reply> {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) return invalid(parsed.error.issues);
  const registered = await registerEndpointAudited(
    services.db,
    {
      organisationId: caller.organisationId,
      url: parsed.data.url,
      eventTypes: parsed.data.eventTypes,
      ...(parsed.data.description ? { description: parsed.data.description } : {}),
      actor: keyActor(caller),
      now: services.clock(),
    },
    { knownTypes: eventTypesOf(catalog), production: services.config.NODE_ENV === "production" },
  );
  if (!registered.ok)
    return {
      status: 400,
      body: { error: "invalid_request", fields: { [registered.refusal === "event_type_unknown" ? "eventTypes" : "url"]: registered.refusal } },
    };
  return { status: 201, body: { ...(await describeEndpoint(services, registered.endpoint)), secret: registered.secret } };
}

/** The audit history names the key that made a change through the API. */
const keyActor = (caller: { keyName: string }) => ({ name: `API key "${caller.keyName}"` });

async function disableEndpoint(req: restify.Request, services: Services, caller: { organisationId: string; keyName: string }): Promise<Reply> {
  const id = String(req.params?.id ?? "");
  const disabled = await disableEndpointAudited(services.db, {
    organisationId: caller.organisationId,
    id,
    actor: keyActor(caller),
    now: services.clock(),
    reason: "disabled through the API",
  });
  if (!disabled) {
    return { status: 404, body: { error: "not_found", message: "no enabled webhook endpoint with this id in this organisation" } };
  }
  return { status: 200, body: { id, disabled: true } };
}

async function deadDeliveries(req: restify.Request, services: Services, caller: { organisationId: string }): Promise<Reply> {
  const id = String(req.params?.id ?? "");
  const endpoints = await listWebhookEndpoints(services.db, caller.organisationId);
  if (!endpoints.some((endpoint) => endpoint.id === id))
    return { status: 404, body: { error: "not_found", message: "no webhook endpoint with this id in this organisation" } };
  return { status: 200, body: { deliveries: await listDeadDeliveries(services.db, id) } };
}
