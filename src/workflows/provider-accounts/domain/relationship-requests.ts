// A reseller-relationship request ("Request a reseller relationship" in Partner Center): the
// partner sends a customer a link; the request stays sent until the customer accepts it in their
// admin centre, or the sender withdraws it. The acceptance comes in from the vendor's side.
import { z } from "zod";
import { CLOCK_SKEW_ALLOWANCE_MS } from "../../../platform/domain/reported-time";
import { checkCustomerIdentity, checkTenantId, normaliseDomain, normaliseTenantId } from "./customer-identity";
import { type AuditEntry, checkPermission, type WorkflowActor } from "./permissions";
import { accept, type ProviderAccountResult, refuse } from "./refusals";

export const RELATIONSHIP_REQUEST_STATES = ["sent", "accepted", "withdrawn"] as const;
export type RelationshipRequestState = (typeof RELATIONSHIP_REQUEST_STATES)[number];

export const WITHDRAWAL_REASON_MAX = 500;

export interface RelationshipRequest {
  id: string;
  organisationId: string;
  customerName: string;
  primaryDomain: string;
  customerTenantId?: string;
  sentById: string;
  sentByName: string;
  sentAt: Date;
  state: RelationshipRequestState;
  acceptedAt?: Date;
  withdrawal?: { at: Date; byId: string; byName: string; reason?: string };
  version: number;
}

/** The body of "record a request I sent", from a card or the import. */
export const ZRelationshipRequestSchema = z.object({
  customerName: z.string(),
  primaryDomain: z.string(),
  customerTenantId: z.string().optional(),
  /** When it was sent, if earlier than now (a request sent from the portal before the bot knew). */
  sentAt: z.coerce.date().optional(),
});
export type TRelationshipRequest = z.infer<typeof ZRelationshipRequestSchema>;

/** A customer accepting, as the vendor's side reports it. */
export const ZRelationshipAcceptanceSchema = z.object({
  customerTenantId: z.string().optional(),
  domains: z.array(z.string()).default([]),
  acceptedAt: z.coerce.date(),
});
export type TRelationshipAcceptance = z.infer<typeof ZRelationshipAcceptanceSchema>;

export type RelationshipRequestFacts = Omit<RelationshipRequest, "id" | "organisationId" | "version">;

export function recordRelationshipRequest(
  body: TRelationshipRequest,
  actor: WorkflowActor,
  now: Date,
): ProviderAccountResult<{ facts: RelationshipRequestFacts; audit: AuditEntry }> {
  const permitted = checkPermission(actor, "relationshipRequest.record");
  if (!permitted.ok) return permitted;
  const identity = checkCustomerIdentity({ name: body.customerName, domains: [body.primaryDomain], tenantId: body.customerTenantId });
  if (!identity.ok) return identity;
  const sentAt = body.sentAt ?? now;
  if (sentAt.getTime() - now.getTime() > CLOCK_SKEW_ALLOWANCE_MS) return refuse("time_in_future", { field: "sentAt", at: sentAt });
  const { name, domains, tenantId } = identity.value;
  const facts: RelationshipRequestFacts = {
    customerName: name,
    primaryDomain: domains[0] ?? "",
    ...(tenantId ? { customerTenantId: tenantId } : {}),
    sentById: actor.userId,
    sentByName: actor.name,
    sentAt,
    state: "sent",
  };
  return accept({ facts, audit: { action: "relationshipRequest.sent", after: facts } });
}

export function withdrawRelationshipRequest(
  request: RelationshipRequest,
  command: { reason?: string },
  actor: WorkflowActor,
  now: Date,
): ProviderAccountResult<{ record: RelationshipRequest; audit: AuditEntry }> {
  const permitted = checkPermission(actor, "relationshipRequest.record");
  if (!permitted.ok) return permitted;
  if (actor.role !== "admin" && actor.userId !== request.sentById) return refuse("not_sender", { senderName: request.sentByName });
  if (request.state === "accepted") return refuse("request_already_accepted", { customerName: request.customerName, at: request.acceptedAt });
  if (request.state === "withdrawn") {
    return refuse("request_withdrawn", { customerName: request.customerName, by: request.withdrawal?.byName, at: request.withdrawal?.at });
  }
  const reason = (command.reason ?? "").trim();
  if (reason.length > WITHDRAWAL_REASON_MAX) return refuse("reason_too_long", { max: WITHDRAWAL_REASON_MAX });
  const withdrawal = { at: now, byId: actor.userId, byName: actor.name, ...(reason ? { reason } : {}) };
  const record: RelationshipRequest = { ...request, state: "withdrawn", withdrawal, version: request.version + 1 };
  return accept({
    record,
    audit: { action: "relationshipRequest.withdrawn", ...(reason ? { reason } : {}), before: { state: request.state }, after: { state: "withdrawn" } },
  });
}

export type AcceptanceOutcome = { outcome: "accepted"; record: RelationshipRequest; audit: AuditEntry } | { outcome: "replay" };

/**
 * Records the customer's acceptance. The vendor's portal is the system of record: a customer
 * who accepts a withdrawn request (the link stays valid) has a relationship all the same.
 */
export function acceptRelationshipRequest(
  request: RelationshipRequest,
  acceptance: TRelationshipAcceptance,
  now: Date,
): ProviderAccountResult<AcceptanceOutcome> {
  const tenantId = checkTenantId(acceptance.customerTenantId, { customerName: request.customerName });
  if (!tenantId.ok) return tenantId;
  const receivedTenant = tenantId.value;
  const { acceptedAt } = acceptance;
  if (request.state === "accepted") {
    const sameTenant = !receivedTenant || receivedTenant === request.customerTenantId;
    if (sameTenant && request.acceptedAt?.getTime() === acceptedAt.getTime()) return accept({ outcome: "replay" });
    return refuse("acceptance_conflict", { customerName: request.customerName, at: request.acceptedAt, received: acceptedAt });
  }
  if (acceptedAt.getTime() - now.getTime() > CLOCK_SKEW_ALLOWANCE_MS) return refuse("time_in_future", { field: "acceptedAt", at: acceptedAt });
  if (acceptedAt < request.sentAt) return refuse("acceptance_before_sent", { customerName: request.customerName, at: acceptedAt, sentAt: request.sentAt });
  if (receivedTenant && request.customerTenantId && receivedTenant !== request.customerTenantId) {
    return refuse("tenant_mismatch", { customerName: request.customerName, expected: request.customerTenantId, received: receivedTenant });
  }
  const record: RelationshipRequest = {
    ...request,
    state: "accepted",
    acceptedAt,
    ...(receivedTenant ? { customerTenantId: receivedTenant } : {}),
    version: request.version + 1,
  };
  return accept({
    outcome: "accepted",
    record,
    audit: {
      action: "relationshipRequest.accepted",
      before: { state: request.state },
      after: { state: "accepted", acceptedAt, customerTenantId: record.customerTenantId },
    },
  });
}

/**
 * The request an acceptance answers: the one for the same tenant, else the one whose primary
 * domain the customer holds; a request still waiting before a withdrawn one, newest first.
 */
export function requestForAcceptance(
  requests: readonly RelationshipRequest[],
  acceptance: Pick<TRelationshipAcceptance, "customerTenantId" | "domains">,
): RelationshipRequest | undefined {
  const tenant = acceptance.customerTenantId ? normaliseTenantId(acceptance.customerTenantId) : undefined;
  const domains = acceptance.domains.map(normaliseDomain);
  const candidates = requests.filter((request) =>
    tenant && request.customerTenantId ? request.customerTenantId === tenant : domains.includes(request.primaryDomain),
  );
  const rank = (request: RelationshipRequest) => (request.state === "withdrawn" ? 1 : 0);
  return [...candidates].sort((a, b) => rank(a) - rank(b) || b.sentAt.getTime() - a.sentAt.getTime())[0];
}
