// Access requests left waiting longer than the organisation's number of days (a setting, 3 by
// default): the site's deciders hear of each once, when it crosses that line, with the request's
// decision card one click away; the organisation's admins when the site has no decider.
import type { DeadlineSource, DueItem } from "../../../platform/reminders/due-item";
import type { DbTx } from "../../../platform/store/db";
import type { AccessRequest } from "../domain/access-requests";
import { pendingReminder } from "../domain/pending-reminders";
import type { Site, SiteUser } from "../domain/sites";
import type { Role } from "../../../platform/domain/roles";
import { listPendingRequests } from "../store/access-requests";
import { rolesOfContacts } from "../store/notifications";
import { pendingSlaDays } from "../store/settings";
import { findSiteByNumber, listSiteMembers } from "../store/sites";

export const PENDING_REQUEST_KIND = "siteAccess.pending-request";

// Enough for any real queue; a longer one is itself the news, and the oldest come first.
const SCAN_LIMIT = 500;

interface SiteFacts {
  site: Site;
  members: SiteUser[];
  roles: Map<string, Role>;
}

export const pendingRequestSource: DeadlineSource = {
  kind: PENDING_REQUEST_KIND,
  async due(db, organisation, now) {
    const slaDays = await pendingSlaDays(db, organisation.id);
    const { items } = await listPendingRequests(db, organisation.id, { limit: SCAN_LIMIT });
    const sites = new Map<string, SiteFacts | undefined>();
    const due: DueItem[] = [];
    for (const request of items) {
      const facts = await siteFacts(db, organisation.id, request, sites);
      if (!facts) continue;
      const reminder = pendingReminder(request, facts.site, facts.members, { slaDays, timeZone: organisation.timeZone }, facts.roles, now);
      if (!reminder) continue;
      due.push({
        kind: PENDING_REQUEST_KIND,
        deadlineKey: `site-access-pending:${request.id}`,
        threshold: "sla",
        deadlineAt: reminder.dueAt,
        recipients:
          reminder.recipients.kind === "people"
            ? { aadObjectIds: reminder.recipients.people.map((person) => person.userId) }
            : { roles: reminder.recipients.roles as Role[] },
        facts: { requester: request.requester.name, siteNumber: request.siteNumber, site: facts.site.name, days: slaDays },
        dates: { requestedAt: request.requestedAt },
        fix: { verb: "siteAccess.openRequest", data: { requestId: request.id }, titleKey: "reminders.fix.review" },
      });
    }
    return due;
  },
};

async function siteFacts(db: DbTx, organisationId: string, request: AccessRequest, cache: Map<string, SiteFacts | undefined>): Promise<SiteFacts | undefined> {
  if (cache.has(request.siteNumber)) return cache.get(request.siteNumber);
  const site = await findSiteByNumber(db, organisationId, request.siteNumber);
  const facts = site ? await withMembers(db, site) : undefined;
  cache.set(request.siteNumber, facts);
  return facts;
}

async function withMembers(db: DbTx, site: Site): Promise<SiteFacts> {
  const members = await listSiteMembers(db, site);
  return { site, members, roles: await rolesOfContacts(db, site, members) };
}
