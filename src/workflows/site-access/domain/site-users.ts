// A site's user list (DOMAIN.md section 5): its Primary Contact, approving Secondary Contacts
// and admins add users, update their entitlements and remove them; only the Primary Contact
// (or an admin) names Secondary Contacts or gives the approval right. Every change is audited
// and reaches the vendor as an event. Repeating a change already made changes nothing.
import { accept, refuse } from "../../../platform/domain/result";
import type { Change } from "./audit";
import { type Grant, sameGrant, touchesContacts } from "./entitlements";
import type { SiteAccessEvent } from "./events";
import type { Actor } from "./permissions";
import type { SiteAccessResult } from "./refusals";
import { checkContactAuthority, checkSiteAuthority, type Person, type Site, type SiteUser } from "./sites";

export type SiteUserChange = Change<SiteUser, SiteAccessEvent>;

export interface SiteUserContext {
  site: Site;
  members: readonly SiteUser[];
}

export function addSiteUser(
  person: Person,
  grant: Grant,
  context: SiteUserContext & { newSiteUserId: string },
  actor: Actor,
  now: Date,
): SiteAccessResult<SiteUserChange> {
  const { site, members } = context;
  const authority = checkAuthority(site, members, actor, grant);
  if (!authority.ok) return authority;
  if (site.primaryContact?.userId === person.userId) return refuse("already_primary_contact", { siteNumber: site.siteNumber, name: person.name });
  const earlier = members.find((member) => member.userId === person.userId);
  if (earlier?.state === "active") {
    if (sameGrant(earlier, grant)) return accept({ record: earlier, audit: [], events: [] });
    return refuse("already_site_user", { siteNumber: site.siteNumber, name: person.name });
  }
  const record: SiteUser = {
    id: earlier?.id ?? context.newSiteUserId,
    organisationId: site.organisationId,
    siteId: site.id,
    ...person,
    ...grant,
    state: "active",
    version: earlier ? earlier.version + 1 : 0,
  };
  const event = userEvent("siteAccess.userAdded", site, record, actor, now);
  return accept({ record, audit: [{ action: "user_added", after: grantOf(record) }], events: [event] });
}

export function updateSiteUser(siteUser: SiteUser, grant: Grant, context: SiteUserContext, actor: Actor, now: Date): SiteAccessResult<SiteUserChange> {
  const { site, members } = context;
  if (siteUser.state !== "active") return refuse("not_site_user", { siteNumber: site.siteNumber, name: siteUser.name });
  // Changing a Secondary Contact, or making someone one, is the Primary Contact's call.
  const authority = checkAuthority(site, members, actor, siteUser, grant);
  if (!authority.ok) return authority;
  if (sameGrant(siteUser, grant)) return accept({ record: siteUser, audit: [], events: [] });
  const record: SiteUser = { ...siteUser, ...grant, version: siteUser.version + 1 };
  return accept({
    record,
    audit: [{ action: "user_updated", before: grantOf(siteUser), after: grantOf(record) }],
    events: [userEvent("siteAccess.userUpdated", site, record, actor, now)],
  });
}

export function removeSiteUser(siteUser: SiteUser, context: SiteUserContext, actor: Actor, now: Date): SiteAccessResult<SiteUserChange> {
  const { site, members } = context;
  const authority = checkAuthority(site, members, actor, siteUser);
  if (!authority.ok) return authority;
  if (siteUser.state === "removed") return accept({ record: siteUser, audit: [], events: [] });
  const record: SiteUser = { ...siteUser, state: "removed", version: siteUser.version + 1 };
  const by = { userId: actor.userId, name: actor.name };
  const user = { userId: siteUser.userId, name: siteUser.name };
  return accept({
    record,
    audit: [{ action: "user_removed", before: grantOf(siteUser) }],
    events: [{ type: "siteAccess.userRemoved", siteNumber: site.siteNumber, user, by, at: now.toISOString() }],
  });
}

/** Site authority to manage users, and the Primary Contact's own when any grant involved names a contact. */
function checkAuthority(site: Site, members: readonly SiteUser[], actor: Actor, ...grants: Pick<Grant, "role" | "mayApprove">[]) {
  const authority = checkSiteAuthority(site, members, actor, "siteAccess.manageUsers");
  if (!authority.ok || !grants.some(touchesContacts)) return authority;
  const contacts = checkContactAuthority(site, actor, authority.value);
  return contacts.ok ? authority : contacts;
}

function grantOf(siteUser: SiteUser): Grant {
  return { role: siteUser.role, mayApprove: siteUser.mayApprove, entitlements: siteUser.entitlements };
}

type UserEventType = "siteAccess.userAdded" | "siteAccess.userUpdated";

function userEvent(type: UserEventType, site: Site, siteUser: SiteUser, actor: Actor, now: Date): SiteAccessEvent {
  return {
    type,
    siteNumber: site.siteNumber,
    user: { userId: siteUser.userId, name: siteUser.name },
    ...grantOf(siteUser),
    by: { userId: actor.userId, name: actor.name },
    at: now.toISOString(),
  };
}
