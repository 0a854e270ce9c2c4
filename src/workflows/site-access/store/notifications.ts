// Teams messages that access requests owe people, enqueued in the outbox IN the transaction that
// makes the change: the site's deciders hear of a new request (with a button to its decision
// card), the requester hears the outcome. Facts, not words: each reader gets their language.
import type { LocalizedValue } from "../../../platform/i18n/format";
import type { Role } from "../../../platform/domain/roles";
import type { DbTx } from "../../../platform/store/db";
import { listUsersWithRoles } from "../../../platform/store/organisations";
import { enqueueNotification } from "../../../platform/store/outbox";
import { type AccessRequest, VENDOR } from "../domain/access-requests";
import { ENTITLEMENTS, type Entitlement } from "../domain/entitlements";
import { pendingReminder } from "../domain/pending-reminders";
import type { Site, SiteUser } from "../domain/sites";

export const ACCESS_REQUESTED_KIND = "siteAccess.requested";
export const ACCESS_DECIDED_KIND = "siteAccess.decided";

/**
 * Who decides this request now: the site's deciders whose bot role may decide (never the
 * requester), or the organisation's admins when the site has none.
 */
export async function requestDeciders(tx: DbTx, request: AccessRequest, site: Site, members: readonly SiteUser[]): Promise<string[]> {
  const roles = await rolesOfContacts(tx, site, members);
  // The same rule as the reminder, taken as of the request's own instant (an SLA of zero days).
  const due = pendingReminder(request, site, members, { slaDays: 0, timeZone: "UTC" }, roles, request.requestedAt);
  if (!due) return [];
  if (due.recipients.kind === "people") return due.recipients.people.map((person) => person.userId);
  const admins = await listUsersWithRoles(tx, request.organisationId, due.recipients.roles as Role[]);
  return admins.map((admin) => admin.aadObjectId).filter((id) => id !== request.requester.userId);
}

/** The bot roles of the site's contacts: a bounded list (the Primary Contact and the site's users). */
export async function rolesOfContacts(tx: DbTx, site: Site, members: readonly SiteUser[]): Promise<Map<string, Role>> {
  const ids = [...new Set([...(site.primaryContact ? [site.primaryContact.userId] : []), ...members.filter((m) => m.mayApprove).map((m) => m.userId)])];
  if (ids.length === 0) return new Map();
  const rows = await tx.partnerUser.findMany({
    where: { organisationId: site.organisationId, aadObjectId: { in: ids } },
    select: { aadObjectId: true, role: true },
  });
  return new Map(rows.map((row) => [row.aadObjectId, row.role as Role]));
}

export async function enqueueRequestedNotices(tx: DbTx, request: AccessRequest, site: Site, members: readonly SiteUser[], now: Date): Promise<void> {
  for (const decider of await requestDeciders(tx, request, site, members)) {
    await enqueueNotification(tx, {
      organisationId: request.organisationId,
      recipientAadObjectId: decider,
      kind: ACCESS_REQUESTED_KIND,
      dedupeKey: `site-access-requested:${request.id}:${decider}`,
      now,
      payload: {
        messageKey: "siteAccess.notification.requested",
        titleKey: "siteAccess.notification.titleRequested",
        values: {
          requester: request.requester.name,
          siteNumber: request.siteNumber,
          siteName: site.name,
          requestedAt: { type: "date", at: request.requestedAt.toISOString() } satisfies LocalizedValue,
        },
        open: { verb: "siteAccess.openRequest", data: { requestId: request.id }, titleKey: "siteAccess.notification.review" },
      },
    });
  }
}

/** To the requester: approved with which privileges, or rejected why. One notice per request. */
export async function enqueueDecidedNotice(tx: DbTx, request: AccessRequest, now: Date): Promise<void> {
  const decision = request.decision;
  if (!decision) return;
  const approved = decision.outcome === "approved";
  await enqueueNotification(tx, {
    organisationId: request.organisationId,
    recipientAadObjectId: request.requester.userId,
    kind: ACCESS_DECIDED_KIND,
    dedupeKey: `site-access-decided:${request.id}`,
    now,
    payload: {
      messageKey: approved ? "siteAccess.notification.approved" : "siteAccess.notification.rejected",
      titleKey: approved ? "siteAccess.notification.titleApproved" : "siteAccess.notification.titleRejected",
      values: {
        siteNumber: request.siteNumber,
        by: decision.by.name,
        byVendor: decision.by.userId === VENDOR.userId ? "yes" : "no",
        ...(approved ? privilegeFlags(decision.grant?.entitlements) : { reason: decision.reason ?? "" }),
      },
      open: { verb: "siteAccess.openRequest", data: { requestId: request.id }, titleKey: "siteAccess.notification.open" },
    },
  });
}

/**
 * Each privilege as a yes/no the catalog words with a select (the generic notice formats values,
 * it does not translate codes); no grant at all is a confirmed Primary Contact, who holds them all.
 */
function privilegeFlags(entitlements: readonly Entitlement[] | undefined): Record<string, string> {
  return Object.fromEntries([
    ["primaryContact", entitlements ? "no" : "yes"],
    ...ENTITLEMENTS.map((entitlement) => [entitlement, entitlements?.includes(entitlement) ? "yes" : "no"]),
  ]);
}
