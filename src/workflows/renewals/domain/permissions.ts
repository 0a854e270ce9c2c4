// Who may work renewals (DOMAIN.md section 5 and "Roles"): everyone in the organisation reads
// them (no permission needed); billing users mark any line item quoted, renewed or lost; an
// approver may do so for the accounts they own.
import { definePermissions } from "../../../platform/domain/permissions";
import type { Role } from "../../../platform/domain/roles";

/** The person acting, as the server knows them (never as card data claims). */
export interface Actor {
  userId: string;
  name: string;
  role: Role;
}

export const renewalPermissions = definePermissions({
  "renewal.manage": ["billing"],
  "renewal.manageOwn": ["approver", "billing"],
});

export type RenewalPermission = keyof typeof renewalPermissions.grants;
