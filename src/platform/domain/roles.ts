// Who may do what. A user acts only on records of their own organisation (checked where
// records are loaded) and only within their role (checked here).
export const ROLES = ["admin", "approver", "billing", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "engagement.view",
  "engagement.decide",
  "engagement.complete",
  "billing.submit",
  "usage-report.edit",
  "voucher.manage",
  "access-request.decide",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  approver: ["engagement.view", "engagement.decide", "engagement.complete", "access-request.decide"],
  billing: ["engagement.view", "billing.submit", "usage-report.edit"],
  viewer: ["engagement.view"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The person behind a request, as the server knows them (never as card data claims). */
export interface Actor {
  organisationId: string;
  aadObjectId: string;
  name: string;
  role: Role;
}
