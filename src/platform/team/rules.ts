// The team's own roles (DOMAIN.md, "Roles"): only admins change a role or remove someone; the
// organisation always keeps an admin, and people named admin by the deployment's configuration
// (ADMIN_AAD_OBJECT_IDS) stay admins. Anyone may ask for a role; an admin decides, never the
// person asking. Pure rules: the store reads the facts they need and saves what they answer.
import { type Result, accept, refuse } from "../domain/result";
import { type Role, ROLES } from "../domain/roles";

export const TEAM_REFUSALS = ["last_admin", "configured_admin", "role_unchanged", "role_request_pending", "own_role_request"] as const;

export interface TeamMember {
  aadObjectId: string;
  name: string;
  role: Role;
}

export interface TeamFacts {
  /** How many admins the organisation has now, the member included if they are one. */
  adminCount: number;
  /** Whether the deployment's configuration makes this member an admin on every turn. */
  configuredAdmin: boolean;
}

export type TeamChange = { kind: "role"; role: Role } | { kind: "remove" };

/** Whether `actor` may make `change` to `member`: the facts say how many admins stay. */
export function decideTeamChange(actor: { role: Role }, member: TeamMember, change: TeamChange, facts: TeamFacts): Result<TeamChange> {
  if (actor.role !== "admin") return refuse("not_permitted", { role: actor.role });
  if (change.kind === "role" && change.role === member.role) return refuse("role_unchanged", { name: member.name, role: member.role });
  const losesAdmin = member.role === "admin" && (change.kind === "remove" || change.role !== "admin");
  if (losesAdmin && facts.configuredAdmin) return refuse("configured_admin", { name: member.name });
  if (losesAdmin && facts.adminCount <= 1) return refuse("last_admin", { name: member.name });
  return accept(change);
}

export interface RoleRequest {
  id: string;
  organisationId: string;
  requesterAadObjectId: string;
  requesterName: string;
  role: Role;
  note?: string;
  state: "pending" | "approved" | "rejected";
  requestedAt: Date;
  decidedByName?: string;
  decidedAt?: Date;
  decisionReason?: string;
  version: number;
}

/** A person asks for a role they do not hold, one request at a time. */
export function decideRoleAsk(actor: { role: Role }, role: Role, pending: RoleRequest | undefined): Result<Role> {
  if (actor.role === role || actor.role === "admin") return refuse("role_unchanged", { role: actor.role });
  if (pending) return refuse("role_request_pending", { role: pending.role });
  return accept(role);
}

export type RoleRequestDecision = { kind: "approve" } | { kind: "reject"; reason?: string };

const MAX_REASON = 500;

/** An admin, other than the person asking, decides a pending request once; a rejection says why. */
export function decideRoleRequest(
  actor: { role: Role; aadObjectId: string },
  request: RoleRequest,
  decision: RoleRequestDecision,
): Result<{ state: "approved" | "rejected"; reason?: string }> {
  if (actor.role !== "admin") return refuse("not_permitted", { role: actor.role });
  if (actor.aadObjectId === request.requesterAadObjectId) return refuse("own_role_request", {});
  if (request.state !== "pending") return refuse("already_decided", { state: request.state, by: request.decidedByName ?? "", at: request.decidedAt });
  if (decision.kind === "approve") return accept({ state: "approved" });
  const reason = decision.reason?.trim() ?? "";
  if (reason === "") return refuse("reason_required", {});
  if (reason.length > MAX_REASON) return refuse("reason_too_long", { max: MAX_REASON });
  return accept({ state: "rejected", reason });
}

/** The names of the roles (./roles.ts) as people type them, in each language. */
const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  admin: ["admin", "admins", "administrator", "administrateur", "administratrice", "administration"],
  approver: ["approver", "approval", "approvals", "approbateur", "approbatrice", "approbation", "validation", "penyetuju", "persetujuan"],
  billing: ["billing", "facturation", "penagihan", "tagihan"],
  viewer: ["viewer", "read-only", "lecteur", "lectrice", "lecture", "pembaca"],
};

/** The role a message names, when it names exactly one. */
export function roleNamedIn(words: readonly string[]): Role | undefined {
  const named = ROLES.filter((role) => words.some((word) => ROLE_WORDS[role].includes(word)));
  return named.length === 1 ? named[0] : undefined;
}
