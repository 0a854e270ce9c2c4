// Saving completion requests (from the import) and an approver's decision on them, through the
// engagement's conditional update. A race lost to a billing change is retried from fresh
// reads; a race lost to another decision becomes that decision's refusal ("already decided").
import {
  type CompletionDecisionCommand,
  type CompletionRequest,
  decideCompletion,
  requestCompletion,
} from "../domain/engagement-completion";
import type { Engagement } from "../domain/engagements";
import type { Refusal } from "../../../platform/domain/result";
import type { Actor } from "../../../platform/domain/roles";
import { LOST_RACE, retryLostRaces } from "../../../platform/store/retry";
import type { Db, DbTx } from "../../../platform/store/db";
import { findEngagement, findEngagementByExternalId, findEngagementByReference, updateEngagement } from "./engagements";

export type EngagementLocator = { engagementId: string } | { externalId: string } | { reference: string };

export type CompletionOutcome =
  | { kind: "saved"; engagement: Engagement }
  | { kind: "unchanged"; engagement: Engagement }
  | { kind: "not_found" }
  | { kind: "refused"; refusal: Refusal; engagement: Engagement };

export async function recordCompletionRequest(
  db: Db,
  organisationId: string,
  locator: EngagementLocator,
  request: CompletionRequest,
  now: Date,
): Promise<CompletionOutcome> {
  return retryLostRaces(() => db.$transaction((tx) => recordCompletionRequestIn(tx, organisationId, locator, request, now)));
}

/** One attempt inside the caller's transaction; LOST_RACE, having written nothing, when the engagement moved. */
export async function recordCompletionRequestIn(
  tx: DbTx,
  organisationId: string,
  locator: EngagementLocator,
  request: CompletionRequest,
  now: Date,
): Promise<CompletionOutcome | typeof LOST_RACE> {
  const engagement = await locate(tx, organisationId, locator);
  if (!engagement) return { kind: "not_found" };
  const decided = requestCompletion(engagement, request, now);
  if (!decided.ok) return { kind: "refused", refusal: decided.refusal, engagement };
  if (decided.value.kind === "unchanged") return { kind: "unchanged", engagement };
  const transition = decided.value.transition;
  return (await updateEngagement(tx, engagement, transition)) === "saved" ? { kind: "saved", engagement: transition.engagement } : LOST_RACE;
}

export async function decideCompletionOnce(
  db: Db,
  actor: Actor,
  engagementId: string,
  command: CompletionDecisionCommand,
  now: Date,
): Promise<CompletionOutcome> {
  return retryLostRaces(async () => {
    const engagement = await findEngagement(db, actor.organisationId, engagementId);
    if (!engagement) return { kind: "not_found" };
    const decided = decideCompletion(engagement, command, actor, now);
    if (!decided.ok) return { kind: "refused", refusal: decided.refusal, engagement };
    const saved = await db.$transaction((tx) => updateEngagement(tx, engagement, decided.value));
    return saved === "saved" ? { kind: "saved", engagement: decided.value.engagement } : LOST_RACE;
  });
}

function locate(db: DbTx, organisationId: string, locator: EngagementLocator): Promise<Engagement | undefined> {
  if ("engagementId" in locator) return findEngagement(db, organisationId, locator.engagementId);
  if ("externalId" in locator) return findEngagementByExternalId(db, organisationId, locator.externalId);
  return findEngagementByReference(db, organisationId, locator.reference);
}
