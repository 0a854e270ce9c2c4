// Who may do what with relationship requests and provider accounts (issue 16, DOMAIN.md
// "Roles"): billing users and admins map; only admins remap or unmap; everyone reads.
import { definePermissions } from "../../../platform/domain/permissions";
import type { Role } from "../../../platform/domain/roles";
import { accept, type ProviderAccountResult, refuse } from "./refusals";

export const PROVIDER_ACCOUNT_PERMISSIONS = ["providerAccount.view", "providerAccount.map", "providerAccount.remap", "relationshipRequest.record"] as const;
export type ProviderAccountPermission = (typeof PROVIDER_ACCOUNT_PERMISSIONS)[number];

export const providerAccountPermissions = definePermissions<ProviderAccountPermission>({
  "providerAccount.view": ["approver", "billing", "viewer"],
  "providerAccount.map": ["billing"],
  // Changing a mapping moves invoices and subscriptions to another customer: admins only.
  "providerAccount.remap": [],
  "relationshipRequest.record": ["billing"],
});

/** The person acting, as the server knows them; the organisation is checked where records load. */
export interface WorkflowActor {
  userId: string;
  name: string;
  role: Role;
}

/** An entry of the audit history; the store adds who and when. */
export interface AuditEntry {
  action: string;
  reason?: string;
  before?: object;
  after?: object;
}

/**
 * Refuses an actor whose role lacks `permission`; the facts name the role and who may
 * ("admin" or "admin_billing"), so the card can say whom to ask.
 */
export function checkPermission(actor: WorkflowActor, permission: ProviderAccountPermission): ProviderAccountResult<true> {
  if (providerAccountPermissions.can(actor.role, permission)) return accept(true);
  return refuse("not_permitted", { role: actor.role, permission, allowed: providerAccountPermissions.rolesWith(permission).join("_") });
}
