// Role requests in the database: one pending per person (a unique key), asked by anyone,
// decided once by another admin, the role granted in the same transaction; on the team's
// version and audit history (./store.ts).
import type { Refusal } from "../domain/result";
import { isRole, type Role } from "../domain/roles";
import { appendAudit } from "../store/audit";
import { type DecideOnceOutcome, LostRace, decideOnce } from "../store/decide-once";
import type { Db, DbTx } from "../store/db";
import { findUser, type PartnerUser } from "../store/organisations";
import { decideRoleAsk, decideRoleRequest, type RoleRequest, type RoleRequestDecision } from "./rules";
import { bumpTeamVersion, teamAudit, teamVersionOf } from "./store";

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
