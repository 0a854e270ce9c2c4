// The vendor's answer to a Primary Contact claim (DOMAIN.md section 5): a request that claims the
// site's Primary Contact is verified by the vendor, not by the site's deciders. A confirmation
// approves it and makes the requester the site's Primary Contact (creating the site if the bot
// did not know it); a denial rejects it with the vendor's reason. Idempotent by the vendor's id.
import { z } from "zod";
import { checkNotBefore, checkNotInFuture } from "../../../platform/domain/reported-time";
import { accept, refuse } from "../../../platform/domain/result";
import { type AccessDecision, type AccessRequest, VENDOR } from "./access-requests";
import type { AuditEntry } from "./audit";
import type { SiteAccessResult } from "./refusals";
import type { Site } from "./sites";

export const VENDOR_REASON_MAX = 1000;

/** The inbound API body carrying the vendor's answer. */
export const ZPrimaryContactVerification = z.discriminatedUnion("outcome", [
  z.object({
    verificationId: z.string().min(1).max(100),
    requestId: z.string().min(1).max(100),
    outcome: z.literal("confirmed"),
    siteName: z.string().max(200).optional(),
    decidedAt: z.coerce.date().optional(),
  }),
  z.object({
    verificationId: z.string().min(1).max(100),
    requestId: z.string().min(1).max(100),
    outcome: z.literal("denied"),
    reason: z
      .string()
      .max(VENDOR_REASON_MAX * 2)
      .default(""),
    decidedAt: z.coerce.date().optional(),
  }),
]);
export type TPrimaryContactVerification = z.infer<typeof ZPrimaryContactVerification>;

export interface VerificationContext {
  /** The site of the request's number, if the bot knows it. */
  site?: Site;
  organisationId: string;
  /** The id a site gets when the vendor's confirmation is the first the bot hears of it. */
  newSiteId: string;
}

export interface VerificationChange {
  record: AccessRequest;
  /** The site with its new Primary Contact; absent on a denial or a replay. */
  site?: Site;
  audit: AuditEntry[];
  siteAudit: AuditEntry[];
}

export function applyPrimaryContactVerification(
  request: AccessRequest,
  answer: TPrimaryContactVerification,
  context: VerificationContext,
  receivedAt: Date,
): SiteAccessResult<VerificationChange> {
  const decidedAt = answer.decidedAt ?? receivedAt;
  const timely = checkNotInFuture("decidedAt", decidedAt, receivedAt);
  if (!timely.ok) return refuse("timestamp_in_future", timely.refusal.facts);
  const ordered = checkNotBefore("decidedAt", decidedAt, request.requestedAt, "submission");
  if (!ordered.ok) return refuse("timestamp_before_event", ordered.refusal.facts);
  const outcome = answer.outcome === "confirmed" ? "approved" : "rejected";
  if (request.decision) {
    if (request.decision.decisionId === answer.verificationId && request.decision.outcome === outcome) {
      return accept({ record: request, audit: [], siteAudit: [] });
    }
    return refuse(request.decision.decisionId === answer.verificationId ? "verification_conflict" : "already_decided", {
      state: request.state,
      by: request.decision.by.name,
      at: request.decision.at,
    });
  }
  if (request.state !== "awaiting_vendor") return refuse("not_awaiting_vendor", { state: request.state });
  if (answer.outcome === "denied") {
    const reason = answer.reason.trim();
    if (!reason) return refuse("reason_required");
    if (reason.length > VENDOR_REASON_MAX) return refuse("reason_too_long", { max: VENDOR_REASON_MAX });
    const decision: AccessDecision = { decisionId: answer.verificationId, by: VENDOR, at: decidedAt, outcome: "rejected", reason };
    const record: AccessRequest = { ...request, state: "rejected", decision, version: request.version + 1 };
    const audit: AuditEntry[] = [{ action: "primary_contact_denied", reason, before: { state: request.state }, after: { state: "rejected" } }];
    return accept({ record, audit, siteAudit: [] });
  }
  const site = confirmedSite(request, answer.siteName, context);
  if (!site.ok) return site;
  // No grant: the Primary Contact holds every privilege of the site by that standing alone.
  const decision: AccessDecision = { decisionId: answer.verificationId, by: VENDOR, at: decidedAt, outcome: "approved" };
  const record: AccessRequest = { ...request, state: "approved", decision, version: request.version + 1 };
  const previous = context.site?.primaryContact;
  const siteAudit: AuditEntry = {
    action: "primary_contact_changed",
    ...(previous ? { before: { primaryContact: previous } } : {}),
    after: { primaryContact: request.requester },
  };
  return accept({
    record,
    site: site.value,
    audit: [{ action: "primary_contact_confirmed", before: { state: request.state }, after: { state: "approved" } }],
    siteAudit: [siteAudit],
  });
}

function confirmedSite(request: AccessRequest, siteName: string | undefined, context: VerificationContext): SiteAccessResult<Site> {
  const name = siteName?.trim();
  if (context.site) {
    return accept({ ...context.site, ...(name ? { name } : {}), primaryContact: request.requester, version: context.site.version + 1 });
  }
  if (!name) return refuse("site_name_required", { siteNumber: request.siteNumber });
  const { newSiteId: id, organisationId } = context;
  return accept({ id, organisationId, siteNumber: request.siteNumber, name, primaryContact: request.requester, version: 0 });
}
