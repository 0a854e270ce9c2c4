// Reseller-relationship requests: recorded when sent, accepted when the vendor's side reports it.
// Each change is an audit entry (record kind "relationshipRequest"); an acceptance is saved with
// a conditional update on the version, so a replay racing itself accepts once.
import { appendAuditEntries } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";
import type { WorkflowActor } from "../domain/permissions";
import type { ProviderAccountResult } from "../domain/refusals";
import {
  acceptRelationshipRequest,
  type RelationshipRequest,
  recordRelationshipRequest,
  requestForAcceptance,
  type TRelationshipAcceptance,
  type TRelationshipRequest,
} from "../domain/relationship-requests";
import { storedAudit } from "./provider-accounts";

export const RELATIONSHIP_REQUEST_KIND = "relationshipRequest";
export const REQUEST_SCAN_LIMIT = 500;

type RequestRow = Awaited<ReturnType<DbTx["relationshipRequest"]["findFirstOrThrow"]>>;

function toRequest(row: RequestRow): RelationshipRequest {
  return {
    id: row.id,
    organisationId: row.organisationId,
    customerName: row.customerName,
    primaryDomain: row.primaryDomain,
    ...(row.customerTenantId ? { customerTenantId: row.customerTenantId } : {}),
    sentById: row.sentById,
    sentByName: row.sentByName,
    sentAt: row.sentAt,
    state: row.state,
    ...(row.acceptedAt ? { acceptedAt: row.acceptedAt } : {}),
    ...(row.withdrawnAt
      ? {
          withdrawal: {
            at: row.withdrawnAt,
            byId: row.withdrawnById ?? "",
            byName: row.withdrawnByName ?? "",
            ...(row.withdrawalReason ? { reason: row.withdrawalReason } : {}),
          },
        }
      : {}),
    version: row.version,
  };
}

export async function insertRelationshipRequest(
  tx: DbTx,
  organisationId: string,
  body: TRelationshipRequest,
  actor: WorkflowActor,
  now: Date,
): Promise<ProviderAccountResult<RelationshipRequest>> {
  const recorded = recordRelationshipRequest(body, actor, now);
  if (!recorded.ok) return recorded;
  const { facts, audit } = recorded.value;
  const row = await tx.relationshipRequest.create({
    data: {
      organisationId,
      customerName: facts.customerName,
      primaryDomain: facts.primaryDomain,
      customerTenantId: facts.customerTenantId ?? null,
      sentById: facts.sentById,
      sentByName: facts.sentByName,
      sentAt: facts.sentAt,
      state: "sent",
    },
  });
  const request = toRequest(row);
  await appendAuditEntries(tx, [storedAudit(audit, request, RELATIONSHIP_REQUEST_KIND, now, { id: actor.userId, name: actor.name })]);
  return { ok: true, value: request };
}

/** Requests not accepted yet, oldest first (the first `limit`). */
export async function listAwaitingAcceptance(db: DbTx, organisationId: string, limit = REQUEST_SCAN_LIMIT): Promise<RelationshipRequest[]> {
  const rows = await db.relationshipRequest.findMany({ where: { organisationId, state: "sent" }, orderBy: [{ sentAt: "asc" }, { id: "asc" }], take: limit });
  return rows.map(toRequest);
}

export async function countAwaitingAcceptance(db: DbTx, organisationId: string): Promise<number> {
  return db.relationshipRequest.count({ where: { organisationId, state: "sent" } });
}

/** The latest requests, newest first: what "did Contoso accept?" reads. */
export async function listRecentRequests(db: DbTx, organisationId: string, limit = REQUEST_SCAN_LIMIT): Promise<RelationshipRequest[]> {
  const rows = await db.relationshipRequest.findMany({ where: { organisationId }, orderBy: [{ sentAt: "desc" }, { id: "asc" }], take: limit });
  return rows.map(toRequest);
}

export type AcceptanceStoreOutcome = ProviderAccountResult<{ outcome: "accepted" | "replay"; request: RelationshipRequest } | { outcome: "no_request" }>;

/** Records a customer's acceptance on the request it answers (by tenant, else by domain). */
export async function acceptRequestIn(
  tx: DbTx,
  organisationId: string,
  acceptance: TRelationshipAcceptance,
  now: Date,
  actorName: string,
): Promise<AcceptanceStoreOutcome | "lost_race"> {
  const rows = await tx.relationshipRequest.findMany({
    where: {
      organisationId,
      OR: [
        ...(acceptance.customerTenantId ? [{ customerTenantId: acceptance.customerTenantId.trim().toLowerCase() }] : []),
        ...(acceptance.domains.length > 0 ? [{ primaryDomain: { in: acceptance.domains.slice(0, 50).map((domain) => domain.trim().toLowerCase()) } }] : []),
      ],
    },
    orderBy: { sentAt: "desc" },
    take: 20,
  });
  const request = requestForAcceptance(rows.map(toRequest), acceptance);
  if (!request) return { ok: true, value: { outcome: "no_request" } };
  const accepted = acceptRelationshipRequest(request, acceptance, now);
  if (!accepted.ok) return accepted;
  if (accepted.value.outcome === "replay") return { ok: true, value: { outcome: "replay", request } };
  const { record, audit } = accepted.value;
  const { count } = await tx.relationshipRequest.updateMany({
    where: { id: request.id, organisationId, version: request.version },
    data: { state: "accepted", acceptedAt: record.acceptedAt ?? null, customerTenantId: record.customerTenantId ?? null, version: record.version },
  });
  if (count !== 1) return "lost_race";
  await appendAuditEntries(tx, [storedAudit(audit, record, RELATIONSHIP_REQUEST_KIND, now, { name: actorName })]);
  return { ok: true, value: { outcome: "accepted", request: record } };
}
