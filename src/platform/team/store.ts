// The team's roles, requests and settings in the database. Every change bumps the
// organisation's teamVersion with a conditional update in the change's transaction: of two
// admins changing the team at once one saves, the other is retried from a fresh read (where the
// count of admins is the new one), so the last admin cannot be lost to a race. Each change
// appends to the audit history under the record kind "team", the organisation's id and the
// new team version.
import type { Refusal } from "../domain/result";
import { isRole, type Role } from "../domain/roles";
import { type AuditEntry, appendAudit } from "../store/audit";
import { type DecideOnceOutcome, LostRace, decideOnce } from "../store/decide-once";
import type { Db, DbTx } from "../store/db";
import { findUser, type PartnerUser } from "../store/organisations";
import type { OrganisationSettings } from "./settings";
import { decideRoleAsk, decideRoleRequest, decideTeamChange, type RoleRequest, type RoleRequestDecision, type TeamChange } from "./rules";

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

// --- role requests ---------------------------------------------------------------------------

type RoleRequestRow = Awaited<ReturnType<DbTx["roleRequest"]["findFirstOrThrow"]>>;

function toRoleRequest(row: RoleRequestRow): RoleRequest {
  return {
    id: row.id,
    organisationId: row.organisationId,
    requesterAadObjectId: row.requesterAadObjectId,
    requesterName: row.requesterName,
    role: isRole(row.role) ? row.role : "viewer",
    ...(row.note ? { note: row.note } : {}),
    state: row.state,
    requestedAt: row.requestedAt,
    ...(row.decidedByName ? { decidedByName: row.decidedByName } : {}),
    ...(row.decidedAt ? { decidedAt: row.decidedAt } : {}),
    ...(row.decisionReason ? { decisionReason: row.decisionReason } : {}),
    version: row.version,
  };
}

const pendingKeyOf = (organisationId: string, aadObjectId: string) => `${organisationId}:${aadObjectId}`;

export async function findRoleRequest(db: DbTx, organisationId: string, id: string): Promise<RoleRequest | undefined> {
  const row = await db.roleRequest.findFirst({ where: { id, organisationId } });
  return row ? toRoleRequest(row) : undefined;
}

export async function findPendingRoleRequest(db: DbTx, organisationId: string, aadObjectId: string): Promise<RoleRequest | undefined> {
  const row = await db.roleRequest.findUnique({ where: { pendingKey: pendingKeyOf(organisationId, aadObjectId) } });
  return row ? toRoleRequest(row) : undefined;
}

export async function listPendingRoleRequests(db: DbTx, organisationId: string, limit: number): Promise<RoleRequest[]> {
  const rows = await db.roleRequest.findMany({ where: { organisationId, state: "pending" }, orderBy: [{ requestedAt: "asc" }, { id: "asc" }], take: limit });
  return rows.map(toRoleRequest);
}

export type AskOutcome = { ok: true; request: RoleRequest } | { ok: false; refusal: Refusal };

/**
 * Records a request for `role`; `after` enqueues the admins' notices in the same transaction.
 * A second request while one is pending is refused by the unique pending key, not by a lock.
 */
export async function askForRole(
  db: Db,
  input: { actor: PartnerUser; role: Role; note?: string; now: Date },
  after: (tx: DbTx, request: RoleRequest) => Promise<void>,
): Promise<AskOutcome> {
  const { actor, role, now } = input;
  const pendingKey = pendingKeyOf(actor.organisationId, actor.aadObjectId);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const pending = await findPendingRoleRequest(db, actor.organisationId, actor.aadObjectId);
    const decided = decideRoleAsk(actor, role, pending);
    if (!decided.ok) return decided;
    try {
      const request = await db.$transaction(async (tx) => {
        const row = await tx.roleRequest.create({
          data: {
            organisationId: actor.organisationId,
            requesterAadObjectId: actor.aadObjectId,
            requesterName: actor.name,
            role,
            ...(input.note ? { note: input.note } : {}),
            pendingKey,
            requestedAt: now,
          },
        });
        const created = toRoleRequest(row);
        await after(tx, created);
        return created;
      });
      return { ok: true, request };
    } catch (error) {
      // Another click made the pending request meanwhile: read it, and refuse as pending.
      if (!(await findPendingRoleRequest(db, actor.organisationId, actor.aadObjectId))) throw error;
    }
  }
  return { ok: false, refusal: { code: "role_request_pending", facts: { role } } };
}

/** An admin approves (the role is granted in the same transaction) or rejects a request, once. */
export async function decideRoleRequestOnce(
  db: Db,
  input: { actor: PartnerUser; requestId: string; decision: RoleRequestDecision; now: Date },
  after: (tx: DbTx, request: RoleRequest) => Promise<void>,
): Promise<DecideOnceOutcome<RoleRequest, RoleRequest>> {
  const { actor, now } = input;
  return decideOnce<RoleRequest, RoleRequest>(db, {
    load: (tx) => findRoleRequest(tx, actor.organisationId, input.requestId),
    decide: (request) => {
      const decided = decideRoleRequest(actor, request, input.decision);
      if (!decided.ok) return decided;
      const next: RoleRequest = {
        ...request,
        state: decided.value.state,
        decidedByName: actor.name,
        decidedAt: now,
        ...(decided.value.reason ? { decisionReason: decided.value.reason } : {}),
        version: request.version + 1,
      };
      return {
        ok: true,
        value: {
          next,
          audit: {
            organisationId: request.organisationId,
            recordKind: "team.roleRequest",
            recordId: request.id,
            recordVersion: next.version,
            at: now,
            action: next.state,
            actorId: actor.aadObjectId,
            actorName: actor.name,
            ...(next.decisionReason ? { reason: next.decisionReason } : {}),
            after: { requester: request.requesterName, role: request.role },
          },
        },
      };
    },
    save: async (tx, request, next) => {
      const { count } = await tx.roleRequest.updateMany({
        where: { id: request.id, version: request.version, state: "pending" },
        data: {
          state: next.state,
          pendingKey: null,
          decidedById: actor.aadObjectId,
          decidedByName: actor.name,
          decidedAt: now,
          decisionReason: next.decisionReason ?? null,
          version: next.version,
        },
      });
      if (count !== 1) return false;
      if (next.state === "approved") await grantRequestedRole(tx, next, actor, now);
      return true;
    },
    after,
  });
}

/** The approved role, as a team change of its own (version bump and audit), unless the person left meanwhile. */
async function grantRequestedRole(tx: DbTx, request: RoleRequest, actor: PartnerUser, now: Date): Promise<void> {
  const member = await findUser(tx, request.organisationId, request.requesterAadObjectId);
  if (!member || member.role === request.role || member.role === "admin") return;
  const version = await teamVersionOf(tx, request.organisationId);
  if (!(await bumpTeamVersion(tx, request.organisationId, version))) throw new LostRace();
  await tx.partnerUser.update({ where: { id: member.id }, data: { role: request.role } });
  await appendAudit(
    tx,
    teamAudit(request.organisationId, version + 1, actor, now, "role_changed", {
      before: { aadObjectId: member.aadObjectId, name: member.name, role: member.role },
      after: { aadObjectId: member.aadObjectId, name: member.name, role: request.role, request: request.id },
    }),
  );
}

// --- settings --------------------------------------------------------------------------------

interface SettingsSnapshot {
  teamVersion: number;
  settings: OrganisationSettings;
}

/** Saves settings an admin checked (./settings.ts readSettingsForm), audited with before and after. */
export async function changeOrganisationSettings(
  db: Db,
  input: { organisationId: string; actor: PartnerUser; settings: OrganisationSettings; now: Date },
): Promise<DecideOnceOutcome<SettingsSnapshot, SettingsSnapshot>> {
  const { organisationId, actor, settings, now } = input;
  return decideOnce<SettingsSnapshot, SettingsSnapshot>(db, {
    load: async (tx) => {
      const row = await tx.organisation.findUnique({
        where: { id: organisationId },
        select: { teamVersion: true, timeZone: true, reminderTime: true, pendingApprovalSlaHours: true },
      });
      if (!row) return undefined;
      const { teamVersion, ...current } = row;
      return { teamVersion, settings: current };
    },
    decide: (snapshot) => {
      if (actor.role !== "admin") return { ok: false, refusal: { code: "not_permitted", facts: { role: actor.role } } };
      const same = (Object.keys(settings) as (keyof OrganisationSettings)[]).every((key) => settings[key] === snapshot.settings[key]);
      if (same) return { ok: true, value: { unchanged: true } };
      const next = { teamVersion: snapshot.teamVersion + 1, settings };
      return {
        ok: true,
        value: {
          next,
          audit: teamAudit(organisationId, next.teamVersion, actor, now, "settings_changed", { before: { ...snapshot.settings }, after: { ...settings } }),
        },
      };
    },
    save: async (tx, snapshot) => {
      if (!(await bumpTeamVersion(tx, organisationId, snapshot.teamVersion))) return false;
      await tx.organisation.update({ where: { id: organisationId }, data: settings });
      return true;
    },
  });
}
