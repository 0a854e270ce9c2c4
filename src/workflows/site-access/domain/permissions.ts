// Who may do what with reseller sites (DOMAIN.md section 5 and "Roles"). The bot role is only
// half of it: deciding a request or changing a site's user list also needs standing on that
// site (its Primary Contact, or a Secondary Contact with the approval right), unless the user
// is an admin of the organisation.
import { definePermissions } from "../../../platform/domain/permissions";
import type { Role } from "../../../platform/domain/roles";

/** The person acting, as the server knows them (never as card data claims). */
export interface Actor {
  userId: string;
  name: string;
  role: Role;
}

// Anyone in the organisation may ask for access and read a site's card, viewers included
// ("read and ask"): those need no permission of their own.
export const siteAccessPermissions = definePermissions({
  "siteAccess.decide": ["approver"],
  "siteAccess.manageUsers": ["approver"],
  /** The pending-request SLA and the site list: admins only. */
  "siteAccess.configure": [],
});

export type SiteAccessPermission = keyof typeof siteAccessPermissions.grants;
