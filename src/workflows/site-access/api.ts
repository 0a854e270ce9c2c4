// The vendor's side of site access over HTTP, authenticated by an organisation's write API key:
// POST /api/v1/site-access/primary-contact-verifications answers a Primary Contact claim
// (idempotent by the vendor's verificationId: a replay answers 200 with the same result), and
// POST /api/v1/site-access/sites applies the vendor's site list (idempotent by site number).
import { z } from "zod";
import type { Refusal } from "../../platform/domain/result";
import { type ApiCaller, mayActFor } from "../../platform/http/api-caller";
import { type ApiReply, invalidBody, refusalReply, writeRoute } from "../../platform/http/write-route";
import type { ApiOperation } from "../../platform/http/openapi";
import type { RouteRegistrar } from "../../platform/http/server";
import type { Services } from "../../platform/services";
import { retryLostRaces } from "../../platform/store/decide-once";
import { findOrganisationByTenant } from "../../platform/store/organisations";
import type { AccessRequest } from "./domain/access-requests";
import { ZPrimaryContactVerification } from "./domain/primary-contact-claims";
import { ZSiteRecord } from "./domain/site-records";
import { applyVerificationOnce } from "./store/access-decisions";
import { applySiteRecordIn } from "./store/site-records";
import { PLAYGROUND_TENANT_ID } from "../../platform/import/demo/playground-identities";

const tenant = { organisationTenantId: z.string().trim().min(1).max(100) };

export const ZVerificationBody = z.intersection(z.object(tenant), ZPrimaryContactVerification);
/** A page of the vendor's site list: one transaction, so bounded. */
export const ZSiteListBody = z.strictObject({ ...tenant, sites: z.array(ZSiteRecord).min(1).max(500) });

/** Refusals about one field of the body: answered 400 with that field named. */
const FIELD_OF: Partial<Record<string, string>> = {
  reason_required: "reason",
  reason_too_long: "reason",
  site_name_required: "siteName",
  site_number_invalid: "siteNumber",
};

type Reply = ApiReply;

const ZVerificationResult = z.object({ requestId: z.string(), siteNumber: z.string(), state: z.string(), replayed: z.boolean() });
const ZSiteListResult = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

export const SITE_ACCESS_API_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/site-access/primary-contact-verifications",
    operationId: "answerPrimaryContactClaim",
    summary: "The vendor's answer to a Primary Contact claim (event siteaccess.primary_contact.claimed); idempotent by verificationId",
    scope: "write",
    body: ZVerificationBody,
    example: {
      organisationTenantId: PLAYGROUND_TENANT_ID,
      verificationId: "IBM-PCV-0001",
      requestId: "the requestId of the siteaccess.primary_contact.claimed event",
      outcome: "confirmed",
      siteName: "Contoso Reseller Jakarta",
    },
    response: { status: 200, schema: ZVerificationResult, description: "Recorded, or a replay of what was recorded (replayed: true)" },
    errors: [400, 404, 409, 413],
  },
  {
    method: "post",
    path: "/api/v1/site-access/sites",
    operationId: "applySiteList",
    summary: "The vendor's site list (number, name, Primary Contact); idempotent by site number",
    scope: "write",
    body: ZSiteListBody,
    example: { organisationTenantId: PLAYGROUND_TENANT_ID, sites: [{ siteNumber: "7654321", name: "Contoso Reseller Surabaya" }] },
    response: { status: 200, schema: ZSiteListResult, description: "How many sites were created, updated, or already so" },
    errors: [400, 404, 413],
  },
];

export const registerSiteAccessApi: RouteRegistrar = (server, services) => {
  server.post("/api/v1/site-access/primary-contact-verifications", writeRoute(services, "site access", verify));
  server.post("/api/v1/site-access/sites", writeRoute(services, "site access", applySites));
};

const refused = (refusal: Refusal, path = ""): Reply => refusalReply(refusal, { words: "siteAccess", fieldOf: FIELD_OF, path });

async function organisationFor(services: Services, caller: ApiCaller, tenantId: string) {
  const organisation = await findOrganisationByTenant(services.db, tenantId);
  return organisation && mayActFor(caller, organisation.id) ? organisation : undefined;
}

const UNKNOWN_ORGANISATION: Reply = { status: 404, body: { error: "not_found", message: "unknown organisation" } };

function verificationResult(request: AccessRequest, replayed: boolean) {
  return { requestId: request.id, siteNumber: request.siteNumber, state: request.state, replayed };
}

async function verify(body: unknown, services: Services, caller: ApiCaller): Promise<Reply> {
  const parsed = ZVerificationBody.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const { organisationTenantId, ...answer } = parsed.data;
  const organisation = await organisationFor(services, caller, organisationTenantId);
  if (!organisation) return UNKNOWN_ORGANISATION;
  const outcome = await applyVerificationOnce(services.db, organisation.id, answer, services.clock());
  if (outcome.outcome === "not_found") return { status: 404, body: { error: "not_found", message: "no access request with this requestId" } };
  if (outcome.outcome === "refused") return refused(outcome.refusal);
  const replayed = outcome.outcome === "unchanged";
  return { status: 200, body: verificationResult(outcome.record.request, replayed) };
}

async function applySites(body: unknown, services: Services, caller: ApiCaller): Promise<Reply> {
  const parsed = ZSiteListBody.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const organisation = await organisationFor(services, caller, parsed.data.organisationTenantId);
  if (!organisation) return UNKNOWN_ORGANISATION;
  const now = services.clock();
  // All or nothing: a bad record names its index and nothing of the page is saved.
  const result = await retryLostRaces(() =>
    services.db.$transaction(async (tx) => {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const [index, record] of parsed.data.sites.entries()) {
        const applied = await applySiteRecordIn(tx, organisation.id, record, { actorName: "Vendor site list" }, now);
        if (!applied.ok) throw new RefusedRecord(refused(applied.refusal, `sites.${index}.`));
        counts[applied.value.outcome] += 1;
      }
      return counts;
    }),
  ).catch((error: unknown) => {
    if (error instanceof RefusedRecord) return error.reply;
    throw error;
  });
  return "status" in result ? (result as Reply) : { status: 200, body: result };
}

/** Rolls the page's transaction back with the reply that names the bad record. */
class RefusedRecord extends Error {
  constructor(readonly reply: Reply) {
    super("a site record was refused");
  }
}
