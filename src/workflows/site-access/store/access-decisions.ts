// Deciding an access request exactly once (the platform's decide-once): the request, its site
// and the site's user list are read in the transaction, the domain decides, the request is saved
// with the version check, the requester's row on the user list with its own, the history, the
// requester's notice and the vendor's event written with them. The vendor's answer to a Primary
// Contact claim takes the same path, idempotent by the vendor's verification id.
import { randomUUID } from "node:crypto";
import type { Actor as PartnerActor } from "../../../platform/domain/roles";
import type { AuditEntry } from "../../../platform/store/audit";
import type { Db, DbTx } from "../../../platform/store/db";
import { type DecideOnceOutcome, LostRace, decideOnce } from "../../../platform/store/decide-once";
import { type AccessDecisionCommand, decideAccessRequest } from "../domain/access-decisions";
import type { AccessRequest } from "../domain/access-requests";
import { applyPrimaryContactVerification, type TPrimaryContactVerification } from "../domain/primary-contact-claims";
import type { SiteAccessEvent } from "../domain/events";
import { refuse } from "../../../platform/domain/result";
import type { SiteAccessRefusal } from "../domain/refusals";
import type { Site, SiteUser } from "../domain/sites";
import { emitSiteAccessEvents } from "../events";
import { siteActor } from "./access-requests";
import { type ChangedBy, withHistory } from "./history";
import { enqueueDecidedNotice } from "./notifications";
import { ACCESS_REQUEST_RECORD_KIND, decisionData, SITE_RECORD_KIND, SITE_USER_RECORD_KIND, toAccessRequest } from "./records";
import { findSiteByNumber, listSiteMembers, saveSite, saveSiteUser } from "./sites";

/** What a decision reads: the request, and its site with the user list when the bot knows it. */
export interface RequestBundle {
  request: AccessRequest;
  site?: Site;
  members: SiteUser[];
}

/** What a decision writes beside the request. */
export interface DecidedRequest {
  request: AccessRequest;
  site?: { before?: Site; next: Site };
  siteUser?: { before?: SiteUser; next: SiteUser };
  events: SiteAccessEvent[];
}

export type DecisionOutcome = DecideOnceOutcome<RequestBundle, DecidedRequest, SiteAccessRefusal>;

const VENDOR_CHANGE: ChangedBy = { actorName: "Vendor" };

async function loadBundle(tx: DbTx, organisationId: string, requestId: string): Promise<RequestBundle | undefined> {
  const row = await tx.siteAccessRequest.findFirst({ where: { organisationId, id: requestId } });
  if (!row) return undefined;
  const request = toAccessRequest(row);
  const site = await findSiteByNumber(tx, organisationId, request.siteNumber);
  return { request, ...(site ? { site } : {}), members: site ? await listSiteMembers(tx, site) : [] };
}

async function saveDecision(tx: DbTx, bundle: RequestBundle, next: DecidedRequest): Promise<boolean> {
  const { request } = bundle;
  const saved = await tx.siteAccessRequest.updateMany({
    where: { id: request.id, organisationId: request.organisationId, version: request.version },
    data: decisionData(next.request),
  });
  if (saved.count !== 1) return false;
  // The request is ours now: a site or user row moved meanwhile undoes the whole decision.
  if (next.site && !(await saveSite(tx, next.site.before, next.site.next))) throw new LostRace();
  if (next.siteUser && !(await saveSiteUser(tx, next.siteUser.before, next.siteUser.next))) throw new LostRace();
  return true;
}

/** A site decider approves (with a role and privileges) or rejects a pending request. */
export function decideAccessRequestOnce(db: Db, actor: PartnerActor, requestId: string, command: AccessDecisionCommand, now: Date): Promise<DecisionOutcome> {
  const by: ChangedBy = { actorId: actor.aadObjectId, actorName: actor.name };
  return decideOnce<RequestBundle, DecidedRequest, SiteAccessRefusal>(db, {
    load: (tx) => loadBundle(tx, actor.organisationId, requestId),
    decide: (bundle) => {
      const { request, site, members } = bundle;
      if (!site) return refuse(request.state === "awaiting_vendor" ? "awaiting_vendor" : "site_not_found", { siteNumber: request.siteNumber });
      const decided = decideAccessRequest(request, command, { site, members, newSiteUserId: randomUUID() }, siteActor(actor), now);
      if (!decided.ok) return decided;
      const { record, audit, events, siteUser } = decided.value;
      if (audit.length === 0) return { ok: true, value: { unchanged: true } };
      const entries: AuditEntry[] = withHistory(ACCESS_REQUEST_RECORD_KIND, record, audit, by, now).audit;
      const before = siteUser ? members.find((member) => member.id === siteUser.id) : undefined;
      if (siteUser) {
        const { role, mayApprove, entitlements } = siteUser;
        entries.push(...withHistory(SITE_USER_RECORD_KIND, siteUser, [{ action: "user_added", after: { role, mayApprove, entitlements } }], by, now).audit);
      }
      const next: DecidedRequest = { request: record, events, ...(siteUser ? { siteUser: { ...(before ? { before } : {}), next: siteUser } } : {}) };
      return { ok: true, value: { next, audit: entries } };
    },
    save: saveDecision,
    after: async (tx, next) => {
      await enqueueDecidedNotice(tx, next.request, now);
      await emitSiteAccessEvents(tx, actor.organisationId, next.events, now);
    },
  });
}

/** The vendor's answer to a Primary Contact claim, through the inbound API. */
export function applyVerificationOnce(db: Db, organisationId: string, answer: TPrimaryContactVerification, receivedAt: Date): Promise<DecisionOutcome> {
  return decideOnce<RequestBundle, DecidedRequest, SiteAccessRefusal>(db, {
    load: (tx) => loadBundle(tx, organisationId, answer.requestId),
    decide: ({ request, site }) => {
      const decided = applyPrimaryContactVerification(request, answer, { ...(site ? { site } : {}), organisationId, newSiteId: randomUUID() }, receivedAt);
      if (!decided.ok) return decided;
      const { record, audit, siteAudit } = decided.value;
      if (audit.length === 0) return { ok: true, value: { unchanged: true } };
      const entries = withHistory(ACCESS_REQUEST_RECORD_KIND, record, audit, VENDOR_CHANGE, receivedAt).audit;
      let nextSite: DecidedRequest["site"];
      if (decided.value.site) {
        const saved = withHistory(SITE_RECORD_KIND, decided.value.site, siteAudit, VENDOR_CHANGE, receivedAt);
        entries.push(...saved.audit);
        nextSite = { ...(site ? { before: site } : {}), next: saved.record };
      }
      return { ok: true, value: { next: { request: record, events: [], ...(nextSite ? { site: nextSite } : {}) }, audit: entries } };
    },
    save: saveDecision,
    after: (tx, next) => enqueueDecidedNotice(tx, next.request, receivedAt),
  });
}
