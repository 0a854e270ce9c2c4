// Asking for access to a reseller site (DOMAIN.md section 5): by site number, saying whether one
// believes oneself its Primary Contact. A request that does not claim it waits, pending, for the
// site's deciders; one that claims it goes to the vendor for verification instead.
import { z } from "zod";
import { accept, refuse } from "../../../platform/domain/result";
import type { Change } from "./audit";
import type { Grant } from "./entitlements";
import type { SiteAccessEvent } from "./events";
import type { Actor } from "./permissions";
import type { SiteAccessResult } from "./refusals";
import { activeMember, parseSiteNumber, type Person, type Site, type SiteUser } from "./sites";

export const ACCESS_REQUEST_STATES = ["pending", "awaiting_vendor", "approved", "rejected"] as const;
export type AccessRequestState = (typeof ACCESS_REQUEST_STATES)[number];

/** Who decided: a decider of the site, or the vendor answering a Primary Contact claim. */
export type Decider = Person | { userId: "vendor"; name: "Vendor" };
export const VENDOR: Decider = { userId: "vendor", name: "Vendor" };

export interface AccessDecision {
  /** The card's nonce or the vendor's verification id: a replay carries the same one. */
  decisionId: string;
  by: Decider;
  at: Date;
  outcome: "approved" | "rejected";
  grant?: Grant;
  reason?: string;
}

export interface AccessRequest {
  id: string;
  organisationId: string;
  /** From the form's nonce or the words' activity: one form makes one request. */
  requestKey: string;
  siteNumber: string;
  requester: Person;
  claimsPrimaryContact: boolean;
  requestedAt: Date;
  state: AccessRequestState;
  decision?: AccessDecision;
  version: number;
}

/** The request form's data, as a card or the API sends it. */
export const ZAccessRequestForm = z.object({
  siteNumber: z.string().max(40),
  claimsPrimaryContact: z.union([z.boolean(), z.enum(["true", "false"])]).transform((value) => value === true || value === "true"),
  nonce: z.string().min(1).max(100),
});
export type TAccessRequestForm = z.infer<typeof ZAccessRequestForm>;

export interface RequestContext {
  id: string;
  organisationId: string;
  /** The site of that number in the organisation, if the bot knows it. */
  site?: Site;
  members: readonly SiteUser[];
  /** The requester's open request for the same site, if any. */
  openRequest?: AccessRequest;
  /** A request already made with the same key: this one is a replay or a conflict. */
  sameKey?: AccessRequest;
}

export type AccessRequestChange = Change<AccessRequest, SiteAccessEvent>;

export function requestAccess(
  form: { siteNumber: string; claimsPrimaryContact: boolean; requestKey: string },
  context: RequestContext,
  actor: Actor,
  now: Date,
): SiteAccessResult<AccessRequestChange> {
  const siteNumber = parseSiteNumber(form.siteNumber);
  if (!siteNumber.ok) return siteNumber;
  if (context.sameKey) return replayOf(context.sameKey, siteNumber.value, form.claimsPrimaryContact, actor);
  const { site, openRequest } = context;
  if (site?.primaryContact?.userId === actor.userId) return refuse("already_primary_contact", { siteNumber: siteNumber.value, name: actor.name });
  if (!form.claimsPrimaryContact) {
    // Without a known site nobody could decide: the requester learns to claim it or ask an admin.
    if (!site) return refuse("site_not_found", { siteNumber: siteNumber.value });
    if (activeMember(context.members, actor.userId)) return refuse("already_site_user", { siteNumber: siteNumber.value, name: actor.name });
  }
  if (openRequest) return refuse("request_already_pending", { siteNumber: siteNumber.value, since: openRequest.requestedAt });
  const requester = { userId: actor.userId, name: actor.name };
  const record: AccessRequest = {
    id: context.id,
    organisationId: context.organisationId,
    requestKey: form.requestKey,
    siteNumber: siteNumber.value,
    requester,
    claimsPrimaryContact: form.claimsPrimaryContact,
    requestedAt: now,
    state: form.claimsPrimaryContact ? "awaiting_vendor" : "pending",
    version: 0,
  };
  const after = { siteNumber: record.siteNumber, claimsPrimaryContact: record.claimsPrimaryContact, state: record.state };
  const claimed: SiteAccessEvent = {
    type: "siteAccess.primaryContactClaimed",
    requestId: record.id,
    siteNumber: record.siteNumber,
    claimant: requester,
    claimedAt: now.toISOString(),
  };
  return accept({ record, audit: [{ action: "requested", after }], events: form.claimsPrimaryContact ? [claimed] : [] });
}

function replayOf(existing: AccessRequest, siteNumber: string, claimsPrimaryContact: boolean, actor: Actor): SiteAccessResult<AccessRequestChange> {
  const same = existing.siteNumber === siteNumber && existing.claimsPrimaryContact === claimsPrimaryContact && existing.requester.userId === actor.userId;
  if (!same) return refuse("request_id_reused", { siteNumber: existing.siteNumber });
  return accept({ record: existing, audit: [], events: [] });
}

/** A request still waits for someone: its deciders (pending) or the vendor (awaiting_vendor). */
export function isOpen(request: Pick<AccessRequest, "state">): boolean {
  return request.state === "pending" || request.state === "awaiting_vendor";
}

/**
 * The value of the store's "one open request per person and site" key: set while the request is
 * open, absent once decided (a unique column holding nulls lets decided requests pile up).
 */
export function openKeyOf(request: Pick<AccessRequest, "state" | "siteNumber" | "requester">): string | undefined {
  return isOpen(request) ? `${request.siteNumber}:${request.requester.userId}` : undefined;
}
