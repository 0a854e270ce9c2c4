// Applying the vendor's decisions, from the HTTP endpoint or the import alike. A decision id is
// unique per organisation in the database, so a replay finds what the first delivery did and
// answers the same; the entry's state and the engagement's version make the change happen once.
import { type BillingEntry, type DecisionSource, type VendorDecision, decideBillingEntry } from "../domain/billing";
import type { Refusal } from "../../../platform/domain/result";
import {
  findBillingEntry,
  findBillingEntryByDecisionId,
  findBillingEntryByReference,
  recordBillingDecision,
} from "./billing";
import { LOST_RACE, LostRace, retryLostRaces } from "../../../platform/store/decide-once";
import type { Db, DbTx } from "../../../platform/store/db";
import { findEngagement, updateEngagement } from "./engagements";

export type BillingEntryLocator = { billingEntryId: string } | { submissionReference: string };

export interface BillingDecisionCommand {
  organisationId: string;
  entry: BillingEntryLocator;
  decision: VendorDecision;
  source: DecisionSource;
  receivedAt: Date;
  /**
   * Runs in the transaction that records the decision, e.g. to enqueue the submitter's
   * notification in the outbox: it is sent if and only if the decision is saved.
   */
  onApplied?: (tx: DbTx, entry: BillingEntry) => Promise<void>;
}

export type BillingDecisionOutcome =
  | { kind: "applied"; entry: BillingEntry }
  /** Already recorded (a replay, or the same outcome sent again): nothing changed. */
  | { kind: "unchanged"; entry: BillingEntry }
  | { kind: "not_found" }
  | { kind: "refused"; refusal: Refusal };

export async function applyBillingDecision(db: Db, command: BillingDecisionCommand): Promise<BillingDecisionOutcome> {
  return retryLostRaces(() => db.$transaction((tx) => applyBillingDecisionIn(tx, command)));
}

/**
 * One attempt inside the caller's transaction (the import runs every section in one). Answers
 * LOST_RACE, having written nothing, when the engagement moved since it was read.
 */
export async function applyBillingDecisionIn(tx: DbTx, command: BillingDecisionCommand): Promise<BillingDecisionOutcome | typeof LOST_RACE> {
  const { organisationId, decision } = command;
  const entry = await locate(tx, organisationId, command.entry);
  if (!entry) return { kind: "not_found" };
  const earlier = await findBillingEntryByDecisionId(tx, organisationId, decision.decisionId);
  if (earlier && earlier.id !== entry.id) {
    return { kind: "refused", refusal: { code: "decision_id_reused", facts: { decisionId: decision.decisionId, reference: earlier.reference } } };
  }
  const engagement = await findEngagement(tx, organisationId, entry.engagementId);
  if (!engagement) return { kind: "not_found" };
  const decided = decideBillingEntry(entry, engagement, decision, command.source, command.receivedAt);
  if (!decided.ok) return { kind: "refused", refusal: decided.refusal };
  if (decided.value.kind === "unchanged") return { kind: "unchanged", entry: decided.value.entry };
  const { entry: after, transition } = decided.value.change;
  if ((await updateEngagement(tx, engagement, transition)) === "conflict") return LOST_RACE;
  // The engagement's version moves with every decision, so this only fails on a hand edit.
  if (!(await recordBillingDecision(tx, after))) throw new LostRace();
  await command.onApplied?.(tx, after);
  return { kind: "applied", entry: after };
}

function locate(db: DbTx, organisationId: string, locator: BillingEntryLocator): Promise<BillingEntry | undefined> {
  return "billingEntryId" in locator
    ? findBillingEntry(db, organisationId, locator.billingEntryId)
    : findBillingEntryByReference(db, organisationId, locator.submissionReference);
}
