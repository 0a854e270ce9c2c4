// The vendor's billing decisions over HTTP: POST /api/v1/billing-decisions, authenticated by an
// organisation's write API key (or the deprecated VENDOR_API_KEY), body checked with zod, idempotent by the vendor's decisionId (a
// replay answers 200 with the same result). The submitter's Teams notice is enqueued in the
// transaction that records the decision. POST /api/v1/completion-requests takes a client's
// completion request the same way.
import { z } from "zod";
import type { BillingEntry } from "./domain/billing";
import type { Refusal } from "../../platform/domain/result";
import type { Services } from "../../platform/services";
import { applyBillingDecision } from "./store/billing-decisions";
import { enqueueBillingDecisionNotice, enqueueCompletionRequestNotices } from "./store/billing-notifications";
import { recordCompletionRequest } from "./store/engagement-completion";
import { findOrganisationByTenant } from "../../platform/store/organisations";
import { ONE_ENTRY_MESSAGE, billingDecisionFields, entryLocator, namesOneEntry, vendorDecision } from "./import/billing-decisions";
import { ZImportCompletionRequestSchema } from "./import/completion-requests";
import { type ApiCaller, mayActFor } from "../../platform/http/api-caller";
import { type ApiReply, invalidBody, refusalReply, writeRoute } from "../../platform/http/write-route";
import type { ApiOperation } from "../../platform/http/openapi";
import type { RouteRegistrar } from "../../platform/http/server";
import { PLAYGROUND_TENANT_ID } from "../../platform/import/demo/playground-identities";

const tenant = { organisationTenantId: z.string().trim().min(1).max(100) };

export const ZBillingDecisionBodySchema = z
  .strictObject({ ...tenant, ...billingDecisionFields })
  .refine(namesOneEntry, { message: ONE_ENTRY_MESSAGE, path: ["billingEntryId"] });

export const ZCompletionRequestBodySchema = ZImportCompletionRequestSchema.extend(tenant);

/** Refusals that are about one field of the body: answered 400 with that field named. */
const FIELD_OF: Partial<Record<Refusal["code"], string>> = {
  reason_required: "reason",
  reason_too_long: "reason",
  amount_invalid: "ratedAmount",
  currency_invalid: "currency",
};

type Reply = ApiReply;

const ZDecisionResultSchema = z.object({
  billingEntryId: z.string(),
  submissionReference: z.string(),
  state: z.string(),
  decisionId: z.string().nullable(),
  ratedAmount: z.string().nullable(),
  currency: z.string(),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  replayed: z.boolean(),
});

const ZCompletionResultSchema = z.object({ engagementId: z.string(), reference: z.string(), state: z.string(), replayed: z.boolean() });

export const BILLING_API_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/billing-decisions",
    operationId: "recordBillingDecision",
    summary: "The vendor's rating or rejection of a billing submission; idempotent by decisionId",
    scope: "write",
    body: ZBillingDecisionBodySchema,
    example: {
      organisationTenantId: PLAYGROUND_TENANT_ID,
      decisionId: "IBM-RATE-20261201-0001",
      submissionReference: "ENG-991-B1",
      outcome: "rated",
      ratedAmount: "1250.00",
      currency: "EUR",
      decidedAt: "2026-12-01T09:00:00+01:00",
    },
    response: { status: 200, schema: ZDecisionResultSchema, description: "Recorded, or a replay of what was recorded (replayed: true)" },
    errors: [400, 404, 409, 413],
  },
  {
    method: "post",
    path: "/api/v1/completion-requests",
    operationId: "recordCompletionRequest",
    summary: "A client's request to complete an engagement; idempotent",
    scope: "write",
    body: ZCompletionRequestBodySchema,
    example: {
      organisationTenantId: PLAYGROUND_TENANT_ID,
      engagementExternalId: "CP-PI-881017",
      requestedAt: "2026-11-30T16:00:00+01:00",
      requestedBy: "Dana Client",
      note: "The workshop is done; please close it.",
    },
    response: { status: 200, schema: ZCompletionResultSchema, description: "Recorded, or a replay (replayed: true)" },
    errors: [400, 404, 409, 413],
  },
];

export const registerBillingApi: RouteRegistrar = (server, services) => {
  server.post("/api/v1/billing-decisions", writeRoute(services, "billing", decide));
  server.post("/api/v1/completion-requests", writeRoute(services, "billing", requestCompletion));
};

const refused = (refusal: Refusal): Reply => refusalReply(refusal, { fieldOf: FIELD_OF });

/** The organisation the body names, if the caller may act for it: another's is as unknown as none. */
async function organisationFor(services: Services, caller: ApiCaller, tenantId: string) {
  const organisation = await findOrganisationByTenant(services.db, tenantId);
  return organisation && mayActFor(caller, organisation.id) ? organisation : undefined;
}

const UNKNOWN_ORGANISATION: Reply = { status: 404, body: { error: "not_found", message: "unknown organisation" } };

async function decide(body: unknown, services: Services, caller: ApiCaller): Promise<Reply> {
  const parsed = ZBillingDecisionBodySchema.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const organisation = await organisationFor(services, caller, parsed.data.organisationTenantId);
  if (!organisation) return UNKNOWN_ORGANISATION;
  const outcome = await applyBillingDecision(services.db, {
    organisationId: organisation.id,
    entry: entryLocator(parsed.data),
    decision: vendorDecision(parsed.data),
    source: "http",
    receivedAt: services.clock(),
    onApplied: enqueueBillingDecisionNotice,
  });
  if (outcome.outcome === "not_found") return { status: 404, body: { error: "not_found", message: "no such billing entry in this organisation" } };
  if (outcome.outcome === "refused") return refused(outcome.refusal);
  return { status: 200, body: { ...decisionResult(outcome.record.entry), replayed: outcome.outcome === "unchanged" } };
}

/** What the vendor gets back, the same on every delivery of a decision. */
function decisionResult(entry: BillingEntry) {
  return {
    billingEntryId: entry.id,
    submissionReference: entry.reference,
    state: entry.state,
    decisionId: entry.decision?.decisionId ?? null,
    ratedAmount: entry.decision?.ratedAmount ?? null,
    currency: entry.decision?.ratedCurrency ?? entry.currency,
    reason: entry.decision?.reason ?? null,
    decidedAt: entry.decision?.decidedAt.toISOString() ?? null,
  };
}

async function requestCompletion(body: unknown, services: Services, caller: ApiCaller): Promise<Reply> {
  const parsed = ZCompletionRequestBodySchema.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const { organisationTenantId, engagementExternalId, ...rest } = parsed.data;
  const organisation = await organisationFor(services, caller, organisationTenantId);
  if (!organisation) return UNKNOWN_ORGANISATION;
  const request = {
    ...(rest.requestedAt ? { requestedAt: rest.requestedAt } : {}),
    ...(rest.requestedBy ? { requestedBy: rest.requestedBy } : {}),
    ...(rest.note ? { note: rest.note } : {}),
  };
  const now = services.clock();
  const outcome = await recordCompletionRequest(services.db, organisation.id, { externalId: engagementExternalId }, request, now, (tx, engagement) =>
    enqueueCompletionRequestNotices(tx, engagement, now),
  );
  if (outcome.outcome === "not_found") return { status: 404, body: { error: "not_found", message: "no engagement with this externalId" } };
  if (outcome.outcome === "refused") return refused(outcome.refusal);
  const engagement = outcome.record;
  return {
    status: 200,
    body: { engagementId: engagement.id, reference: engagement.reference, state: engagement.state, replayed: outcome.outcome === "unchanged" },
  };
}
