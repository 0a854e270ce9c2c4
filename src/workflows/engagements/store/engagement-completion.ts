// Saving completion requests (from the import or the API) and an approver's decision on them,
// through decide-once: a race lost to a billing change is retried from fresh reads; a race lost
// to another decision becomes that decision's refusal ("already decided").
import { type CompletionDecisionCommand, type CompletionRequest, decideCompletion, requestCompletion } from "../domain/engagement-completion";
import type { Engagement } from "../domain/engagements";
import type { Actor } from "../../../platform/domain/roles";
import { type LOST_RACE, decideOnce, decideOnceIn } from "../../../platform/store/decide-once";
import type { Db, DbTx } from "../../../platform/store/db";
import { type EngagementOutcome, engagementSteps } from "./engagement-decisions";
import { findEngagement, findEngagementByExternalId, findEngagementByReference } from "./engagements";

export type EngagementLocator = { engagementId: string } | { externalId: string } | { reference: string };

export type CompletionOutcome = EngagementOutcome;

function requestSteps(
  organisationId: string,
  locator: EngagementLocator,
  request: CompletionRequest,
  now: Date,
  after?: (tx: DbTx, engagement: Engagement) => Promise<void>,
) {
  return engagementSteps(
    (tx) => locate(tx, organisationId, locator),
    (engagement) => {
      const decided = requestCompletion(engagement, request, now);
      if (!decided.ok) return decided;
      return { ok: true, value: decided.value.kind === "unchanged" ? "unchanged" : decided.value.transition };
    },
    after,
  );
}

/** `after` runs in the transaction that records a new request (its notices go in the outbox with it). */
export function recordCompletionRequest(
  db: Db,
  organisationId: string,
  locator: EngagementLocator,
  request: CompletionRequest,
  now: Date,
  after?: (tx: DbTx, engagement: Engagement) => Promise<void>,
): Promise<CompletionOutcome> {
  return decideOnce(db, requestSteps(organisationId, locator, request, now, after));
}

/** One attempt inside the caller's transaction; LOST_RACE, having written nothing, when the engagement moved. */
export function recordCompletionRequestIn(
  tx: DbTx,
  organisationId: string,
  locator: EngagementLocator,
  request: CompletionRequest,
  now: Date,
): Promise<CompletionOutcome | typeof LOST_RACE> {
  return decideOnceIn(tx, requestSteps(organisationId, locator, request, now));
}

export function decideCompletionOnce(db: Db, actor: Actor, engagementId: string, command: CompletionDecisionCommand, now: Date): Promise<CompletionOutcome> {
  return decideOnce(
    db,
    engagementSteps(
      (tx) => findEngagement(tx, actor.organisationId, engagementId),
      (engagement) => decideCompletion(engagement, command, actor, now),
    ),
  );
}

function locate(db: DbTx, organisationId: string, locator: EngagementLocator): Promise<Engagement | undefined> {
  if ("engagementId" in locator) return findEngagement(db, organisationId, locator.engagementId);
  if ("externalId" in locator) return findEngagementByExternalId(db, organisationId, locator.externalId);
  return findEngagementByReference(db, organisationId, locator.reference);
}
