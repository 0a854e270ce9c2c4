// Decisions on one engagement through the platform's decide-once: the engagement is loaded in
// the transaction, the domain decides, the new version is saved with the version check and its
// history appended to the audit table, all at once; a lost race is retried from a fresh read.
import type { DecisionCommand } from "../../../platform/domain/decision";
import type { Result } from "../../../platform/domain/result";
import type { Actor } from "../../../platform/domain/roles";
import type { Db, DbTx } from "../../../platform/store/db";
import { type DecideOnceOutcome, type DecideOnceSteps, decideOnce } from "../../../platform/store/decide-once";
import { type Engagement, type Transition, decideEngagement } from "../domain/engagements";
import { engagementAudit, findEngagement, saveEngagementVersion } from "./engagements";

export type EngagementOutcome = DecideOnceOutcome<Engagement, Engagement>;

/** What the domain answers about one engagement: a transition, or nothing to change. */
export type EngagementDecision = (engagement: Engagement) => Result<Transition | "unchanged">;

export function engagementSteps(
  load: (tx: DbTx) => Promise<Engagement | undefined>,
  decide: EngagementDecision,
  after?: (tx: DbTx, engagement: Engagement) => Promise<void>,
): DecideOnceSteps<Engagement, Engagement> {
  return {
    load,
    decide: (engagement) => {
      const decided = decide(engagement);
      if (!decided.ok) return decided;
      if (decided.value === "unchanged") return { ok: true, value: { unchanged: true } };
      return { ok: true, value: { next: decided.value.engagement, audit: engagementAudit(decided.value.events) } };
    },
    save: saveEngagementVersion,
    ...(after ? { after } : {}),
  };
}

/** An approver approves or rejects a pending engagement. */
export function decideEngagementOnce(db: Db, actor: Actor, engagementId: string, command: DecisionCommand, now: Date): Promise<EngagementOutcome> {
  return decideOnce(
    db,
    engagementSteps(
      (tx) => findEngagement(tx, actor.organisationId, engagementId),
      (engagement) => decideEngagement(engagement, command, actor, now),
    ),
  );
}
