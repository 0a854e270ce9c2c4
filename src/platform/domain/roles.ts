// The roles of a partner user (DOMAIN.md, "Roles"). A user acts only on records of their own
// organisation (checked where records are loaded) and only within their role: each workflow
// grants its permissions to roles (./permissions.ts).
export const ROLES = ["admin", "approver", "billing", "viewer"] as const;
export type Role = (typeof ROLES)[number];

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
