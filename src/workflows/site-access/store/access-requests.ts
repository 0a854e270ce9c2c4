// Asking for access, and the queries over requests. A request is inserted in one transaction
// with its history, its notices to the site's deciders and its event to the vendor; the unique
// keys (one form, one open request per person and site) hold under concurrency, and a writer
// that meets one taken meanwhile retries from a fresh read, where the domain sees the winner.
import { randomUUID } from "node:crypto";
import type { Refusal } from "../../../platform/domain/result";
import type { Actor as PartnerActor } from "../../../platform/domain/roles";
import { appendAuditEntries } from "../../../platform/store/audit";
import type { Db, DbTx } from "../../../platform/store/db";
import { retryLostRaces } from "../../../platform/store/decide-once";
import { type AccessRequest, openKeyOf, requestAccess } from "../domain/access-requests";
import type { Actor } from "../domain/permissions";
import type { SiteAccessRefusal } from "../domain/refusals";
import { parseSiteNumber } from "../domain/sites";
import { emitSiteAccessEvents } from "../events";
import { withHistory } from "./history";
import { enqueueRequestedNotices } from "./notifications";
import { ACCESS_REQUEST_RECORD_KIND, toAccessRequest } from "./records";
import { findSiteByNumber, listSiteMembers, listSiteNumbersDecidedBy } from "./sites";

export type RequestOutcome =
  | { outcome: "created"; request: AccessRequest }
  /** The same form again: the request it made before. */
  | { outcome: "unchanged"; request: AccessRequest }
  | { outcome: "refused"; refusal: Refusal<SiteAccessRefusal> };

/** The domain's actor for a partner user: their Entra object id names them on every site. */
export function siteActor(actor: PartnerActor): Actor {
  return { userId: actor.aadObjectId, name: actor.name, role: actor.role };
}

export async function findAccessRequest(db: DbTx, organisationId: string, id: string): Promise<AccessRequest | undefined> {
  const row = await db.siteAccessRequest.findFirst({ where: { organisationId, id } });
  return row ? toAccessRequest(row) : undefined;
}

export function createAccessRequest(
  db: Db,
  actor: PartnerActor,
  form: { siteNumber: string; claimsPrimaryContact: boolean; requestKey: string },
  now: Date,
): Promise<RequestOutcome> {
  return retryLostRaces(() => db.$transaction((tx) => createIn(tx, actor, form, now)));
}

async function createIn(
  tx: DbTx,
  actor: PartnerActor,
  form: { siteNumber: string; claimsPrimaryContact: boolean; requestKey: string },
  now: Date,
): Promise<RequestOutcome> {
  const organisationId = actor.organisationId;
  const number = parseSiteNumber(form.siteNumber);
  if (!number.ok) return { outcome: "refused", refusal: number.refusal };
  const site = await findSiteByNumber(tx, organisationId, number.value);
  const members = site ? await listSiteMembers(tx, site) : [];
  const [open, sameKey] = await Promise.all([
    tx.siteAccessRequest.findFirst({ where: { organisationId, openKey: `${number.value}:${actor.aadObjectId}` } }),
    tx.siteAccessRequest.findFirst({ where: { organisationId, requestKey: form.requestKey } }),
  ]);
  const context = {
    id: randomUUID(),
    organisationId,
    ...(site ? { site } : {}),
    members,
    ...(open ? { openRequest: toAccessRequest(open) } : {}),
    ...(sameKey ? { sameKey: toAccessRequest(sameKey) } : {}),
  };
  const changed = requestAccess(form, context, siteActor(actor), now);
  if (!changed.ok) return { outcome: "refused", refusal: changed.refusal };
  const { record, audit, events } = changed.value;
  if (audit.length === 0) return { outcome: "unchanged", request: record };
  await tx.siteAccessRequest.create({
    data: {
      id: record.id,
      organisationId,
      requestKey: record.requestKey,
      openKey: openKeyOf(record) ?? null,
      siteNumber: record.siteNumber,
      requesterId: record.requester.userId,
      requesterName: record.requester.name,
      claimsPrimaryContact: record.claimsPrimaryContact,
      requestedAt: record.requestedAt,
      state: record.state,
      version: record.version,
    },
  });
  await appendAuditEntries(tx, withHistory(ACCESS_REQUEST_RECORD_KIND, record, audit, { actorId: actor.aadObjectId, actorName: actor.name }, now).audit);
  if (site && record.state === "pending") await enqueueRequestedNotices(tx, record, site, members, now);
  await emitSiteAccessEvents(tx, organisationId, events, now);
  return { outcome: "created", request: record };
}

type RequestWhere = NonNullable<NonNullable<Parameters<DbTx["siteAccessRequest"]["findMany"]>[0]>["where"]>;

export interface RequestPage {
  items: AccessRequest[];
  /** Set when rows follow this page: the next one starts after this request. */
  next?: { requestedAt: Date; id: string };
}

/**
 * The pending requests a person decides, oldest first, a page at a time: every one for an admin,
 * else those of the sites they decide for; never their own.
 */
export async function listRequestsAwaiting(
  db: DbTx,
  actor: PartnerActor,
  options: { limit: number; after?: { requestedAt: Date; id: string } },
): Promise<RequestPage> {
  const organisationId = actor.organisationId;
  const sites = actor.role === "admin" ? undefined : await listSiteNumbersDecidedBy(db, organisationId, actor.aadObjectId);
  if (sites && sites.length === 0) return { items: [] };
  return listRequests(db, organisationId, {
    ...options,
    where: { state: "pending", requesterId: { not: actor.aadObjectId }, ...(sites ? { siteNumber: { in: sites } } : {}) },
  });
}

/** The organisation's pending requests, oldest first (the reminders read them a page at a time). */
export function listPendingRequests(db: DbTx, organisationId: string, options: { limit: number; after?: { requestedAt: Date; id: string } }) {
  return listRequests(db, organisationId, { ...options, where: { state: "pending" } });
}

/** A person's own requests, newest first. */
export async function listOwnRequests(db: DbTx, actor: PartnerActor, limit: number): Promise<AccessRequest[]> {
  const rows = await db.siteAccessRequest.findMany({
    where: { organisationId: actor.organisationId, requesterId: actor.aadObjectId },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(toAccessRequest);
}

async function listRequests(
  db: DbTx,
  organisationId: string,
  options: { limit: number; after?: { requestedAt: Date; id: string }; where: RequestWhere },
): Promise<RequestPage> {
  const { after, limit } = options;
  const afterCursor = after ? { OR: [{ requestedAt: { gt: after.requestedAt } }, { requestedAt: after.requestedAt, id: { gt: after.id } }] } : {};
  const rows = await db.siteAccessRequest.findMany({
    where: { organisationId, ...options.where, ...afterCursor },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit).map(toAccessRequest);
  const last = items.at(-1);
  return { items, ...(rows.length > limit && last ? { next: { requestedAt: last.requestedAt, id: last.id } } : {}) };
}
