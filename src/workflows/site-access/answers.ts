// Answers that both a typed question and a card button give: a request's card as this reader
// may act on it, the requests waiting for them, a site's card, asking for access.
import { randomUUID } from "node:crypto";
import type { TurnScope } from "../../platform/bot/turn-scope";
import type { AdaptiveCard } from "../../platform/cards/render";
import type { Refusal } from "../../platform/domain/result";
import { refusalText } from "../../platform/i18n/refusal-words";
import type { AccessRequest } from "./domain/access-requests";
import { checkContactAuthority, checkSiteAuthority, parseSiteNumber, type Site, type SiteUser } from "./domain/sites";
import { siteAccessPermissions } from "./domain/permissions";
import { createAccessRequest, listRequestsAwaiting, siteActor } from "./store/access-requests";
import { pendingSlaDays as readPendingSlaDays } from "./store/settings";
import { findSiteByNumber, listSiteMembers } from "./store/sites";
import { accessRequestCard, requestFormCard, requestListCard } from "./views/requests";
import { siteCard } from "./views/sites";
import type { Notice } from "./views/words";

export const REFUSAL_WORDS = "siteAccess";
export const PENDING_PAGE = 10;

export function refusalNotice(scope: TurnScope, refusal: Refusal): Notice {
  const style = refusal.code === "already_decided" ? "accent" : "attention";
  return { text: refusalText(scope.t, refusal, REFUSAL_WORDS), style };
}

/** What the reader may do on this site: decide its requests and keep its list, name its contacts. */
export function readerAuthority(scope: TurnScope, site: Site, members: readonly SiteUser[]) {
  const actor = siteActor(scope.actor);
  const authority = checkSiteAuthority(site, members, actor, "siteAccess.decide");
  const contacts = authority.ok && checkContactAuthority(site, actor, authority.value).ok;
  return { mayDecide: authority.ok, mayNameContacts: contacts };
}

export async function requestCardFor(
  scope: TurnScope,
  request: AccessRequest,
  options: { notice?: Notice; entitlementsValue?: string; reasonValue?: string } = {},
): Promise<AdaptiveCard> {
  const db = scope.services.db;
  const site = await findSiteByNumber(db, scope.organisation.id, request.siteNumber);
  const members = site ? await listSiteMembers(db, site) : [];
  const authority = site ? readerAuthority(scope, site, members) : { mayDecide: false, mayNameContacts: false };
  return accessRequestCard({
    request,
    ...(site ? { site } : {}),
    t: scope.t,
    canDecide: authority.mayDecide && request.requester.userId !== scope.actor.aadObjectId,
    canNameContacts: authority.mayNameContacts,
    nonce: randomUUID(),
    ...options,
  });
}

export async function pendingRequestsCard(scope: TurnScope, after?: { requestedAt: Date; id: string }, notice?: Notice): Promise<AdaptiveCard> {
  const db = scope.services.db;
  const page = await listRequestsAwaiting(db, scope.actor, { limit: PENDING_PAGE, ...(after ? { after } : {}) });
  const sites = new Map<string, Site>();
  for (const number of new Set(page.items.map((request) => request.siteNumber))) {
    const site = await findSiteByNumber(db, scope.organisation.id, number);
    if (site) sites.set(number, site);
  }
  const canConfigure = siteAccessPermissions.can(scope.actor.role, "siteAccess.configure");
  const pendingSlaDays = await readPendingSlaDays(db, scope.organisation.id);
  return requestListCard(scope.t, page, sites, { canConfigure, pendingSlaDays, ...(notice ? { notice } : {}) });
}

/** A site's card by number, or the words saying the bot does not know it. */
export async function siteCardByNumber(
  scope: TurnScope,
  siteNumber: string,
  options: { after?: number; notice?: Notice } = {},
): Promise<AdaptiveCard | string> {
  const number = parseSiteNumber(siteNumber);
  if (!number.ok) return refusalText(scope.t, number.refusal, REFUSAL_WORDS);
  const site = await findSiteByNumber(scope.services.db, scope.organisation.id, number.value);
  if (!site) return refusalText(scope.t, { code: "site_not_found", facts: { siteNumber: number.value } }, REFUSAL_WORDS);
  return siteCardFor(scope, site, options);
}

export async function siteCardFor(scope: TurnScope, site: Site, options: { after?: number; notice?: Notice } = {}): Promise<AdaptiveCard> {
  const members = await listSiteMembers(scope.services.db, site);
  const isMember = site.primaryContact?.userId === scope.actor.aadObjectId || members.some((m) => m.userId === scope.actor.aadObjectId && m.state === "active");
  return siteCard({ site, members, t: scope.t, canManage: readerAuthority(scope, site, members).mayDecide, canAsk: !isMember, ...options });
}

export function newRequestForm(scope: TurnScope, input: { siteNumber?: string; claimsPrimaryContact?: boolean; notice?: Notice } = {}): AdaptiveCard {
  return requestFormCard(scope.t, { nonce: randomUUID(), ...input });
}

/** Asks for access (a form, or the words of a message keyed by its activity): the request's card, or the form with why not. */
export async function askForAccess(scope: TurnScope, form: { siteNumber: string; claimsPrimaryContact: boolean; requestKey: string }): Promise<AdaptiveCard> {
  const outcome = await createAccessRequest(scope.services.db, scope.actor, form, scope.now);
  if (outcome.outcome === "refused") {
    return newRequestForm(scope, {
      siteNumber: form.siteNumber,
      claimsPrimaryContact: form.claimsPrimaryContact,
      notice: refusalNotice(scope, outcome.refusal),
    });
  }
  const request = outcome.request;
  const key = request.state === "awaiting_vendor" ? "siteAccess.notice.sentToVendor" : "siteAccess.notice.requested";
  return requestCardFor(scope, request, { notice: { text: scope.t.t(key, { siteNumber: request.siteNumber }), style: "good" } });
}
