// Reseller sites on the vendor's site (DOMAIN.md section 5): a site number, a name, its Primary
// Contact and its user list, in which Secondary Contacts may hold the right to approve access
// requests. Who stands where on a site decides who may decide for it.
import { accept, refuse } from "../../../platform/domain/result";
import type { Entitlement, SiteRole } from "./entitlements";
import { type Actor, siteAccessPermissions } from "./permissions";
import type { SiteAccessResult } from "./refusals";

export interface Person {
  userId: string;
  name: string;
}

export interface Site {
  id: string;
  organisationId: string;
  siteNumber: string;
  name: string;
  /** Unknown until the vendor confirms someone's claim or the site list names them. */
  primaryContact?: Person;
  version: number;
}

export const SITE_USER_STATES = ["active", "removed"] as const;
export type SiteUserState = (typeof SITE_USER_STATES)[number];

/** One person on a site's user list; removed users keep their row, so history reads whole. */
export interface SiteUser extends Person {
  id: string;
  organisationId: string;
  siteId: string;
  role: SiteRole;
  mayApprove: boolean;
  entitlements: Entitlement[];
  state: SiteUserState;
  version: number;
}

export type SiteStanding = "primary_contact" | "approving_secondary_contact" | "secondary_contact" | "user" | "none";

// The vendor's site-number format is not published: digits only, leading zeros kept.
const SITE_NUMBER_PATTERN = /^\d{4,12}$/;

/** "1234567", "#1234567", "123 4567" and "123-4567" all name site 1234567. */
export function parseSiteNumber(input: string): SiteAccessResult<string> {
  const compact = input.trim().replace(/^#/, "").replace(/[\s-]/g, "");
  return SITE_NUMBER_PATTERN.test(compact) ? accept(compact) : refuse("site_number_invalid", { siteNumber: input.trim().slice(0, 30) });
}

export function activeMember(members: readonly SiteUser[], userId: string): SiteUser | undefined {
  return members.find((member) => member.userId === userId && member.state === "active");
}

export function standingOf(site: Site, members: readonly SiteUser[], userId: string): SiteStanding {
  if (site.primaryContact?.userId === userId) return "primary_contact";
  const member = activeMember(members, userId);
  if (!member) return "none";
  if (member.role === "secondary_contact") return member.mayApprove ? "approving_secondary_contact" : "secondary_contact";
  return "user";
}

/** The people who decide the site's access requests, Primary Contact first (admins aside). */
export function siteDeciders(site: Site, members: readonly SiteUser[]): Person[] {
  const secondaries = members
    .filter((member) => member.state === "active" && member.role === "secondary_contact" && member.mayApprove)
    .filter((member) => member.userId !== site.primaryContact?.userId)
    .map(({ userId, name }) => ({ userId, name }));
  return site.primaryContact ? [site.primaryContact, ...secondaries] : secondaries;
}

/**
 * An admin always may; anyone else needs both the bot role that holds `permission` and the
 * standing of Primary Contact or approving Secondary Contact on this site.
 */
export function checkSiteAuthority(
  site: Site,
  members: readonly SiteUser[],
  actor: Actor,
  permission: "siteAccess.decide" | "siteAccess.manageUsers",
): SiteAccessResult<SiteStanding> {
  const standing = standingOf(site, members, actor.userId);
  if (actor.role === "admin") return accept(standing);
  if (!siteAccessPermissions.can(actor.role, permission)) return refuse("not_permitted", { role: actor.role });
  if (standing !== "primary_contact" && standing !== "approving_secondary_contact") {
    return refuse("not_site_decider", contactFacts(site));
  }
  return accept(standing);
}

/** Naming Secondary Contacts and the approval right is kept to the Primary Contact and admins. */
export function checkContactAuthority(site: Site, actor: Actor, standing: SiteStanding): SiteAccessResult<true> {
  if (actor.role === "admin" || standing === "primary_contact") return accept(true);
  return refuse("primary_contact_only", contactFacts(site));
}

/** Who to ask instead: the words say so when the bot does not know the Primary Contact yet. */
function contactFacts(site: Site) {
  return { siteNumber: site.siteNumber, primaryContact: site.primaryContact?.name ?? "", contactKnown: site.primaryContact ? "yes" : "no" };
}
