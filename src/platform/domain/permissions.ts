// A workflow's permissions: each names the roles granted it. Admins hold every permission of
// every workflow (DOMAIN.md, "Roles"); the other roles hold what a workflow grants them.
import type { Role } from "./roles";

export type Grants<P extends string> = Readonly<Record<P, readonly Exclude<Role, "admin">[]>>;

export interface Permissions<P extends string> {
  readonly grants: Grants<P>;
  can(role: Role, permission: P): boolean;
  /** The roles that hold a permission, admins first: who hears of what needs it. */
  rolesWith(permission: P): readonly Role[];
}

export function definePermissions<P extends string>(grants: Grants<P>): Permissions<P> {
  return {
    grants,
    can: (role, permission) => role === "admin" || grants[permission].includes(role as Exclude<Role, "admin">),
    rolesWith: (permission) => ["admin", ...grants[permission]],
  };
}
