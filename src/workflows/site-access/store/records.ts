// Rows of the site-access tables and the domain records they hold. Lists of entitlements are
// JSON strings on both providers; a value the domain no longer knows is dropped on reading.
import type { DbTx } from "../../../platform/store/db";
import type { AccessDecision, AccessRequest, AccessRequestState } from "../domain/access-requests";
import { ENTITLEMENTS, type Entitlement, type SiteRole } from "../domain/entitlements";
import type { Site, SiteUser, SiteUserState } from "../domain/sites";

export type SiteRow = Awaited<ReturnType<DbTx["resellerSite"]["findFirstOrThrow"]>>;
export type SiteUserRow = Awaited<ReturnType<DbTx["siteUser"]["findFirstOrThrow"]>>;
export type RequestRow = Awaited<ReturnType<DbTx["siteAccessRequest"]["findFirstOrThrow"]>>;

/** The audit record kinds of this workflow's records. */
export const SITE_RECORD_KIND = "resellerSite";
export const SITE_USER_RECORD_KIND = "siteUser";
export const ACCESS_REQUEST_RECORD_KIND = "siteAccessRequest";

export function entitlementsOf(json: string | null): Entitlement[] {
  const values: unknown = json ? JSON.parse(json) : [];
  return Array.isArray(values) ? ENTITLEMENTS.filter((entitlement) => values.includes(entitlement)) : [];
}

export function toSite(row: SiteRow): Site {
  const contact =
    row.primaryContactUserId && row.primaryContactName ? { primaryContact: { userId: row.primaryContactUserId, name: row.primaryContactName } } : {};
  return { id: row.id, organisationId: row.organisationId, siteNumber: row.siteNumber, name: row.name, ...contact, version: row.version };
}

export function siteData(site: Site) {
  return {
    name: site.name,
    primaryContactUserId: site.primaryContact?.userId ?? null,
    primaryContactName: site.primaryContact?.name ?? null,
    version: site.version,
  };
}

export function toSiteUser(row: SiteUserRow): SiteUser {
  return {
    id: row.id,
    organisationId: row.organisationId,
    siteId: row.siteId,
    userId: row.userId,
    name: row.name,
    role: row.role as SiteRole,
    mayApprove: row.mayApprove,
    entitlements: entitlementsOf(row.entitlements),
    state: row.state as SiteUserState,
    version: row.version,
  };
}

export function siteUserData(user: SiteUser) {
  return {
    name: user.name,
    role: user.role,
    mayApprove: user.mayApprove,
    entitlements: JSON.stringify(user.entitlements),
    state: user.state,
    version: user.version,
  };
}

export function toAccessRequest(row: RequestRow): AccessRequest {
  return {
    id: row.id,
    organisationId: row.organisationId,
    requestKey: row.requestKey,
    siteNumber: row.siteNumber,
    requester: { userId: row.requesterId, name: row.requesterName },
    claimsPrimaryContact: row.claimsPrimaryContact,
    requestedAt: row.requestedAt,
    state: row.state as AccessRequestState,
    ...(row.decisionId && row.decidedAt ? { decision: decisionOf(row, row.decisionId, row.decidedAt) } : {}),
    version: row.version,
  };
}

function decisionOf(row: RequestRow, decisionId: string, at: Date): AccessDecision {
  const grant =
    row.grantedRole !== null
      ? { grant: { role: row.grantedRole as SiteRole, mayApprove: row.grantedMayApprove ?? false, entitlements: entitlementsOf(row.grantedEntitlements) } }
      : {};
  return {
    decisionId,
    by: { userId: row.decidedById ?? "", name: row.decidedByName ?? "" },
    at,
    outcome: row.state === "approved" ? "approved" : "rejected",
    ...grant,
    ...(row.decisionReason ? { reason: row.decisionReason } : {}),
  };
}

/** The columns a decision writes; `openKey` is cleared so the person may ask again later. */
export function decisionData(request: AccessRequest) {
  const decision = request.decision;
  return {
    state: request.state,
    openKey: null,
    decisionId: decision?.decisionId ?? null,
    decidedById: decision?.by.userId ?? null,
    decidedByName: decision?.by.name ?? null,
    decidedAt: decision?.at ?? null,
    decisionReason: decision?.reason ?? null,
    grantedRole: decision?.grant?.role ?? null,
    grantedMayApprove: decision?.grant?.mayApprove ?? null,
    grantedEntitlements: decision?.grant ? JSON.stringify(decision.grant.entitlements) : null,
    version: request.version,
  };
}
