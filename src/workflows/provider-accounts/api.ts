// Provider accounts over HTTP: POST /api/v1/provider-accounts, authenticated by an
// organisation's write API key, body checked with zod (400 naming the field), idempotent by the
// provider and the provider's account id: a replay answers 200 with replayed: true, other facts
// under the same id 409 naming the fields. A new account's card is enqueued for billing users and
// admins in the transaction that records it.
import { z } from "zod";
import { type ApiCaller, mayActFor } from "../../platform/http/api-caller";
import { type ApiReply, invalidBody, refusalReply, writeRoute } from "../../platform/http/write-route";
import type { ApiOperation } from "../../platform/http/openapi";
import type { RouteRegistrar } from "../../platform/http/server";
import type { Services } from "../../platform/services";
import { findOrganisationByTenant } from "../../platform/store/organisations";
import type { ProviderAccountRefusal } from "./domain/refusals";
import { ZProviderAccountRecordSchema } from "./import/sections";
import { receiveAndAnnounce } from "./store/arrivals";
import { PLAYGROUND_TENANT_ID } from "../../platform/import/demo/playground-identities";

export const ZProviderAccountBodySchema = ZProviderAccountRecordSchema.extend({ organisationTenantId: z.string().trim().min(1).max(100) });

const ZProviderAccountResultSchema = z.object({
  id: z.string(),
  provider: z.string(),
  providerAccountId: z.string(),
  state: z.enum(["unmapped", "mapped"]),
  customerRecordId: z.string().nullable(),
  replayed: z.boolean(),
});

export const PROVIDER_ACCOUNT_API_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/provider-accounts",
    operationId: "recordProviderAccount",
    summary: "A provider account created when a customer accepted the reseller relationship; idempotent by provider and providerAccountId",
    scope: "write",
    body: ZProviderAccountBodySchema,
    example: {
      organisationTenantId: PLAYGROUND_TENANT_ID,
      provider: "Microsoft Partner Center",
      providerAccountId: "5c1d7e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
      name: "Northwind Traders",
      domains: ["northwindtraders.onmicrosoft.com"],
      customerTenantId: "5c1d7e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
      appearedAt: "2026-12-01T08:00:00+01:00",
    },
    response: { status: 200, schema: ZProviderAccountResultSchema, description: "Recorded, or a replay of what was recorded (replayed: true)" },
    errors: [400, 404, 409, 413],
  },
];

/** Refusals about one field of the body: answered 400 naming it. */
const FIELD_OF: Partial<Record<ProviderAccountRefusal, string>> = { domain_invalid: "domains", tenant_id_invalid: "customerTenantId" };

export const registerProviderAccountApi: RouteRegistrar = (server, services) => {
  server.post("/api/v1/provider-accounts", writeRoute(services, "provider account", record));
};

async function record(body: unknown, services: Services, caller: ApiCaller): Promise<ApiReply> {
  const parsed = ZProviderAccountBodySchema.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const { organisationTenantId, ...row } = parsed.data;
  const organisation = await findOrganisationByTenant(services.db, organisationTenantId);
  if (!organisation || !mayActFor(caller, organisation.id)) return { status: 404, body: { error: "not_found", message: "unknown organisation" } };
  const outcome = await receiveAndAnnounce(services.db, organisation.id, row, services.clock(), "Inbound API");
  if (!outcome.ok) return refusalReply(outcome.refusal, { words: "providerAccount", fieldOf: FIELD_OF });
  const { account } = outcome.value;
  return {
    status: 200,
    body: {
      id: account.id,
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      state: account.state,
      customerRecordId: account.mapping?.customerRecordId ?? null,
      replayed: outcome.value.outcome === "replay",
    },
  };
}
