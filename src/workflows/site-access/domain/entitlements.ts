// What a site user may use on the vendor's reseller site: the four tool privileges the vendor
// names (Reporting, Online ordering (eorder), Proposal Quote and Order, Partner Guided Selling)
// and the site role that comes with them. Card checkboxes arrive as one comma-separated string.
import { z } from "zod";
import { accept, refuse } from "../../../platform/domain/result";
import type { SiteAccessResult } from "./refusals";

export const ENTITLEMENTS = ["reporting", "online_ordering", "proposal_quote_order", "guided_selling"] as const;
export type Entitlement = (typeof ENTITLEMENTS)[number];

/** A Secondary Contact may be given the right to approve access requests; a user may not. */
export const SITE_ROLES = ["user", "secondary_contact"] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export interface Grant {
  role: SiteRole;
  mayApprove: boolean;
  entitlements: Entitlement[];
}

/** An Input.ChoiceSet with isMultiSelect sends "reporting,guided_selling"; an API body sends a list. */
export const ZEntitlementsInput = z.union([z.string(), z.array(z.string())]);
export type TEntitlementsInput = z.infer<typeof ZEntitlementsInput>;

/** The entitlements asked for, each once, in the vendor's order; refuses an unknown one or none. */
export function parseEntitlements(input: TEntitlementsInput): SiteAccessResult<Entitlement[]> {
  const values = (typeof input === "string" ? input.split(",") : input).map((value) => value.trim()).filter(Boolean);
  const unknown = values.find((value) => !(ENTITLEMENTS as readonly string[]).includes(value));
  if (unknown !== undefined) return refuse("entitlement_unknown", { entitlement: unknown.slice(0, 40) });
  const chosen = ENTITLEMENTS.filter((entitlement) => values.includes(entitlement));
  if (chosen.length === 0) return refuse("entitlement_required");
  return accept(chosen);
}

export function parseSiteRole(input: string): SiteAccessResult<SiteRole> {
  const role = input.trim();
  return (SITE_ROLES as readonly string[]).includes(role) ? accept(role as SiteRole) : refuse("site_role_unknown", { role: role.slice(0, 40) });
}

/** Checks a grant as a whole: the approval right belongs to Secondary Contacts only. */
export function checkGrant(role: SiteRole, mayApprove: boolean, entitlements: TEntitlementsInput): SiteAccessResult<Grant> {
  if (mayApprove && role !== "secondary_contact") return refuse("approval_right_needs_secondary_contact");
  const parsed = parseEntitlements(entitlements);
  if (!parsed.ok) return parsed;
  return accept({ role, mayApprove, entitlements: parsed.value });
}

export function sameGrant(a: Grant, b: Grant): boolean {
  return a.role === b.role && a.mayApprove === b.mayApprove && a.entitlements.join(",") === b.entitlements.join(",");
}

/** Naming or changing Secondary Contacts is the Primary Contact's (or an admin's) call. */
export function touchesContacts(grant: Pick<Grant, "role" | "mayApprove">): boolean {
  return grant.role === "secondary_contact" || grant.mayApprove;
}
