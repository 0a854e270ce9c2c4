// A reseller site as the tests meet it: site 1234567 of Contoso Reseller, Pia its Primary
// Contact, Sam an approving Secondary Contact, Sol a Secondary Contact without that right and
// Uma a plain user; Rex has no standing on the site.
import type { AccessRequest } from "../../../../src/workflows/site-access/domain/access-requests";
import type { Actor } from "../../../../src/workflows/site-access/domain/permissions";
import type { Site, SiteUser } from "../../../../src/workflows/site-access/domain/sites";

export const now = new Date("2026-11-25T10:00:00Z");

export const pia: Actor = { userId: "aad-pia", name: "Pia", role: "approver" };
export const sam: Actor = { userId: "aad-sam", name: "Sam", role: "approver" };
export const sol: Actor = { userId: "aad-sol", name: "Sol", role: "approver" };
export const uma: Actor = { userId: "aad-uma", name: "Uma", role: "billing" };
export const rex: Actor = { userId: "aad-rex", name: "Rex", role: "viewer" };
export const ada: Actor = { userId: "aad-ada", name: "Ada", role: "admin" };

export const site: Site = {
  id: "site-1",
  organisationId: "org-1",
  siteNumber: "1234567",
  name: "Contoso Reseller",
  primaryContact: { userId: pia.userId, name: pia.name },
  version: 2,
};

function member(actor: Actor, id: string, role: SiteUser["role"], mayApprove: boolean): SiteUser {
  return {
    id,
    organisationId: "org-1",
    siteId: site.id,
    userId: actor.userId,
    name: actor.name,
    role,
    mayApprove,
    entitlements: ["reporting"],
    state: "active",
    version: 1,
  };
}

export const members: SiteUser[] = [
  member(sam, "su-sam", "secondary_contact", true),
  member(sol, "su-sol", "secondary_contact", false),
  member(uma, "su-uma", "user", false),
];

export function pendingRequest(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    id: "req-1",
    organisationId: "org-1",
    requestKey: "nonce-1",
    siteNumber: site.siteNumber,
    requester: { userId: rex.userId, name: rex.name },
    claimsPrimaryContact: false,
    requestedAt: new Date("2026-11-23T08:00:00Z"),
    state: "pending",
    version: 0,
    ...overrides,
  };
}

/** The refusal code of a result, or "accepted": one line per rule in the tests. */
export function codeOf(result: { ok: true } | { ok: false; refusal: { code: string } }): string {
  return result.ok ? "accepted" : result.refusal.code;
}
