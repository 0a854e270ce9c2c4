// The team's members and roles in the database. Every change bumps the organisation's
// teamVersion with a conditional update in the change's transaction: of two admins changing the
// team at once one saves, the other is retried from a fresh read (where the count of admins is
// the new one), so the last admin cannot be lost to a race. Each change appends to the audit
// history under the record kind "team", the organisation's id and the new team version. Role
// requests are in ./role-requests.ts and the organisation's settings in ./settings-store.ts,
// both on the same version and history.
import { isRole } from "../domain/roles";
import type { AuditEntry } from "../store/audit";
import { type DecideOnceOutcome, decideOnce } from "../store/decide-once";
import type { Db, DbTx } from "../store/db";
import { findUser, type PartnerUser } from "../store/organisations";
import { decideTeamChange, type TeamChange } from "./rules";

export const TEAM_RECORD_KIND = "team";

interface TeamSnapshot {
  teamVersion: number;
  member: PartnerUser;
  adminCount: number;
}

export interface TeamChangeInput {
  organisationId: string;
  actor: PartnerUser;
  memberAadObjectId: string;
  change: TeamChange;
  /** Entra object ids the configuration makes admins on every turn. */
  configuredAdmins: readonly string[];
  now: Date;
}

/** Changes a member's role or removes them, once, by an admin; the audit says who, what and when. */
export async function changeTeamMember(db: Db, input: TeamChangeInput): Promise<DecideOnceOutcome<TeamSnapshot, TeamSnapshot>> {
  const { organisationId, actor, change, now } = input;
  return decideOnce<TeamSnapshot, TeamSnapshot>(db, {
    load: async (tx) => {
      const member = await findUser(tx, organisationId, input.memberAadObjectId);
      if (!member) return undefined;
      return { member, teamVersion: await teamVersionOf(tx, organisationId), adminCount: await adminCount(tx, organisationId) };
    },
    decide: (snapshot) => {
      const facts = { adminCount: snapshot.adminCount, configuredAdmin: input.configuredAdmins.includes(snapshot.member.aadObjectId) };
      const decided = decideTeamChange(actor, snapshot.member, change, facts);
      if (!decided.ok) return decided;
      const role = change.kind === "role" ? change.role : snapshot.member.role;
      const next = { ...snapshot, teamVersion: snapshot.teamVersion + 1, member: { ...snapshot.member, role } };
      return {
        ok: true,
        value: {
          next,
          audit: teamAudit(organisationId, next.teamVersion, actor, now, change.kind === "remove" ? "member_removed" : "role_changed", {
            before: { aadObjectId: snapshot.member.aadObjectId, name: snapshot.member.name, role: snapshot.member.role },
            ...(change.kind === "role" ? { after: { aadObjectId: snapshot.member.aadObjectId, name: snapshot.member.name, role } } : {}),
          }),
        },
      };
    },
    save: async (tx, snapshot) => {
      if (!(await bumpTeamVersion(tx, organisationId, snapshot.teamVersion))) return false;
      if (change.kind === "remove") await tx.partnerUser.delete({ where: { id: snapshot.member.id } });
      else await tx.partnerUser.update({ where: { id: snapshot.member.id }, data: { role: change.role } });
      return true;
    },
  });
}

export interface TeamPage {
  members: PartnerUser[];
  total: number;
  admins: number;
}

/** One page of the organisation's users, admins first, then by name. */
export async function listTeamPage(db: DbTx, organisationId: string, page: { offset: number; limit: number }): Promise<TeamPage> {
  const [rows, total, admins] = await Promise.all([
    db.partnerUser.findMany({ where: { organisationId }, orderBy: [{ name: "asc" }, { aadObjectId: "asc" }], skip: page.offset, take: page.limit }),
    db.partnerUser.count({ where: { organisationId } }),
    adminCount(db, organisationId),
  ]);
  const members = rows.flatMap((row) => (isRole(row.role) ? [{ ...toMember(row), role: row.role }] : []));
  return { members, total, admins };
}

/** The organisation's admins by name, at most `limit` of them. */
export async function listAdmins(db: DbTx, organisationId: string, limit = 10): Promise<PartnerUser[]> {
  const rows = await db.partnerUser.findMany({ where: { organisationId, role: "admin" }, orderBy: { name: "asc" }, take: limit });
  return rows.map((row) => ({ ...toMember(row), role: "admin" as const }));
}

function toMember(row: { id: string; organisationId: string; aadObjectId: string; name: string; locale: string | null; teamsUserId: string | null }) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    aadObjectId: row.aadObjectId,
    name: row.name,
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.teamsUserId ? { teamsUserId: row.teamsUserId } : {}),
  };
}

async function adminCount(db: DbTx, organisationId: string): Promise<number> {
  return db.partnerUser.count({ where: { organisationId, role: "admin" } });
}

export async function teamVersionOf(db: DbTx, organisationId: string): Promise<number> {
  const row = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { teamVersion: true } });
  return row.teamVersion;
}

/** The conditional update every team change makes: false when another change came first. */
export async function bumpTeamVersion(tx: DbTx, organisationId: string, from: number): Promise<boolean> {
  const { count } = await tx.organisation.updateMany({ where: { id: organisationId, teamVersion: from }, data: { teamVersion: from + 1 } });
  return count === 1;
}

export function teamAudit(
  organisationId: string,
  version: number,
  actor: { aadObjectId: string; name: string },
  at: Date,
  action: string,
  change: { before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: string },
): AuditEntry {
  return {
    organisationId,
    recordKind: TEAM_RECORD_KIND,
    recordId: organisationId,
    recordVersion: version,
    at,
    action,
    actorId: actor.aadObjectId,
    actorName: actor.name,
    ...change,
  };
}
