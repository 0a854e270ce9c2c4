// Deciding a pending access request (DOMAIN.md section 5): the site's Primary Contact, one of its
// approving Secondary Contacts, or an admin approves it, granting a site role and tool
// entitlements, or rejects it with a reason. Nobody decides their own request. Approval puts the
// requester on the site's user list; both the decision and the grant reach the vendor.
import { z } from "zod";
import { accept, refuse } from "../../../platform/domain/result";
import type { AuditEntry } from "./audit";
import type { AccessDecision, AccessRequest, AccessRequestChange } from "./access-requests";
import { checkGrant, parseSiteRole, sameGrant, touchesContacts, ZEntitlementsInput, type Grant } from "./entitlements";
import type { SiteAccessEvent } from "./events";
import type { Actor } from "./permissions";
import type { SiteAccessResult } from "./refusals";
import { checkContactAuthority, checkSiteAuthority, type Person, type Site, type SiteUser } from "./sites";

export const DECISION_REASON_MAX = 500;

/** The decision card's data: the entitlements are its checkboxes. */
export const ZAccessDecisionForm = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("approve"),
    nonce: z.string().min(1).max(100),
    role: z.string().default("user"),
    mayApprove: z
      .union([z.boolean(), z.enum(["true", "false"])])
      .default(false)
      .transform((value) => value === true || value === "true"),
    entitlements: ZEntitlementsInput.default(""),
  }),
  z.object({ decision: z.literal("reject"), nonce: z.string().min(1).max(100), reason: z.string().default("") }),
]);
export type TAccessDecisionForm = z.infer<typeof ZAccessDecisionForm>;

export type AccessDecisionCommand = { kind: "approve"; decisionId: string; grant: Grant } | { kind: "reject"; decisionId: string; reason: string };

export interface DecisionContext {
  site: Site;
  members: readonly SiteUser[];
  /** The id the requester's site-user row gets if they never had one. */
  newSiteUserId: string;
}

export type AccessDecisionChange = AccessRequestChange & { siteUser?: SiteUser };

export function decideAccessRequest(
  request: AccessRequest,
  command: AccessDecisionCommand,
  context: DecisionContext,
  actor: Actor,
  now: Date,
): SiteAccessResult<AccessDecisionChange> {
  if (request.decision) return replayOrAlreadyDecided(request, request.decision, command);
  if (request.state === "awaiting_vendor") return refuse("awaiting_vendor", { siteNumber: request.siteNumber });
  if (request.requester.userId === actor.userId) return refuse("own_request", { siteNumber: request.siteNumber });
  const { site, members } = context;
  const authority = checkSiteAuthority(site, members, actor, "siteAccess.decide");
  if (!authority.ok) return authority;
  const by = { userId: actor.userId, name: actor.name };
  if (command.kind === "reject") return rejectRequest(request, command, by, now);
  if (touchesContacts(command.grant)) {
    const contacts = checkContactAuthority(site, actor, authority.value);
    if (!contacts.ok) return contacts;
  }
  return accept(approveRequest(request, command, context, by, now));
}

function rejectRequest(
  request: AccessRequest,
  command: Extract<AccessDecisionCommand, { kind: "reject" }>,
  by: Person,
  now: Date,
): SiteAccessResult<AccessDecisionChange> {
  const reason = command.reason.trim();
  if (!reason) return refuse("reason_required");
  if (reason.length > DECISION_REASON_MAX) return refuse("reason_too_long", { max: DECISION_REASON_MAX });
  const decision: AccessDecision = { decisionId: command.decisionId, by, at: now, outcome: "rejected", reason };
  const record: AccessRequest = { ...request, state: "rejected", decision, version: request.version + 1 };
  const event: SiteAccessEvent = { ...decidedEvent(request, by, now), outcome: "rejected", reason };
  const audit: AuditEntry[] = [{ action: "rejected", reason, before: { state: request.state }, after: { state: "rejected" } }];
  return accept({ record, audit, events: [event] });
}

function approveRequest(
  request: AccessRequest,
  command: Extract<AccessDecisionCommand, { kind: "approve" }>,
  context: DecisionContext,
  by: Person,
  now: Date,
): AccessDecisionChange {
  const decision: AccessDecision = { decisionId: command.decisionId, by, at: now, outcome: "approved", grant: command.grant };
  const record: AccessRequest = { ...request, state: "approved", decision, version: request.version + 1 };
  const siteUser = grantedSiteUser(request, context, command.grant);
  const event: SiteAccessEvent = { ...decidedEvent(request, by, now), outcome: "approved", ...command.grant };
  const audit: AuditEntry[] = [{ action: "approved", before: { state: request.state }, after: { state: "approved", ...command.grant } }];
  return { record, audit, events: [event], siteUser };
}

/** Parses the decision card into a command, refusing what no decision could mean. */
export function decisionCommand(form: TAccessDecisionForm): SiteAccessResult<AccessDecisionCommand> {
  if (form.decision === "reject") return accept({ kind: "reject", decisionId: form.nonce, reason: form.reason });
  const role = parseSiteRole(form.role);
  if (!role.ok) return role;
  const grant = checkGrant(role.value, form.mayApprove, form.entitlements);
  if (!grant.ok) return grant;
  return accept({ kind: "approve", decisionId: form.nonce, grant: grant.value });
}

function decidedEvent(request: AccessRequest, by: Person, now: Date) {
  const { id: requestId, siteNumber, requester } = request;
  return { type: "siteAccess.requestDecided", requestId, siteNumber, requester, by, at: now.toISOString() } as const;
}

function grantedSiteUser(request: AccessRequest, context: DecisionContext, grant: Grant): SiteUser {
  // Someone removed earlier comes back on their old row: one row per person and site.
  const earlier = context.members.find((member) => member.userId === request.requester.userId);
  return {
    id: earlier?.id ?? context.newSiteUserId,
    organisationId: request.organisationId,
    siteId: context.site.id,
    userId: request.requester.userId,
    name: request.requester.name,
    ...grant,
    state: "active",
    version: earlier ? earlier.version + 1 : 0,
  };
}

function replayOrAlreadyDecided(request: AccessRequest, decision: AccessDecision, command: AccessDecisionCommand): SiteAccessResult<AccessDecisionChange> {
  if (decision.decisionId !== command.decisionId) {
    return refuse("already_decided", { state: request.state, by: decision.by.name, at: decision.at });
  }
  const same =
    command.kind === "approve"
      ? decision.outcome === "approved" && decision.grant !== undefined && sameGrant(decision.grant, command.grant)
      : decision.outcome === "rejected" && decision.reason === command.reason.trim();
  if (!same) return refuse("decision_conflict", { state: request.state, by: decision.by.name, at: decision.at });
  return accept({ record: request, audit: [], events: [] });
}
