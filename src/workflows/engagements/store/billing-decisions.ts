// Applying the vendor's decisions, from the HTTP endpoint or the import alike. A decision id is
// unique per organisation in the database, so a replay finds what the first delivery did and
// answers the same; the entry's state and the engagement's version make the change happen once.
import { type BillingEntry, type DecisionSource, type VendorDecision, decideBillingEntry } from "../domain/billing";
import { accept, refuse } from "../../../platform/domain/result";
import type { Engagement } from "../domain/engagements";
import { findBillingEntry, findBillingEntryByDecisionId, findBillingEntryByReference, recordBillingDecision } from "./billing";
import { type DecideOnceOutcome, type DecideOnceSteps, type LOST_RACE, LostRace, decideOnce, decideOnceIn } from "../../../platform/store/decide-once";
import type { Db, DbTx } from "../../../platform/store/db";
import { engagementAudit, findEngagement, saveEngagementVersion } from "./engagements";

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

/** The entry decided, or the entry as it stood when refused or found decided already. */
export type BillingDecisionOutcome = DecideOnceOutcome<DecisionRecord, DecisionRecord>;

interface DecisionRecord {
  entry: BillingEntry;
  engagement: Engagement;
  /** The entry already holding this decision id, if any. */
  holder?: BillingEntry;
}

export function applyBillingDecision(db: Db, command: BillingDecisionCommand): Promise<BillingDecisionOutcome> {
  return decideOnce(db, decisionSteps(command));
}

/**
 * One attempt inside the caller's transaction (the import runs every section in one). Answers
 * LOST_RACE, having written nothing, when the engagement moved since it was read.
 */
export function applyBillingDecisionIn(tx: DbTx, command: BillingDecisionCommand): Promise<BillingDecisionOutcome | typeof LOST_RACE> {
  return decideOnceIn(tx, decisionSteps(command));
}

function decisionSteps(command: BillingDecisionCommand): DecideOnceSteps<DecisionRecord, DecisionRecord> {
  const { organisationId, decision } = command;
  return {
    load: async (tx) => {
      const entry = await locate(tx, organisationId, command.entry);
      const engagement = entry && (await findEngagement(tx, organisationId, entry.engagementId));
      if (!entry || !engagement) return undefined;
      const holder = await findBillingEntryByDecisionId(tx, organisationId, decision.decisionId);
      return { entry, engagement, ...(holder ? { holder } : {}) };
    },
    decide: ({ entry, engagement, holder }) => {
      if (holder && holder.id !== entry.id) {
        return refuse("decision_id_reused", { decisionId: decision.decisionId, reference: holder.reference });
      }
      const decided = decideBillingEntry(entry, engagement, decision, command.source, command.receivedAt);
      if (!decided.ok) return decided;
      if (decided.value.kind === "unchanged") return accept({ unchanged: true });
      const { entry: after, transition } = decided.value.change;
      return accept({ next: { entry: after, engagement: transition.engagement }, audit: engagementAudit(transition.events) });
    },
    save: async (tx, before, next) => {
      if (!(await saveEngagementVersion(tx, before.engagement, next.engagement))) return false;
      // The engagement's version moves with every decision, so this only fails on a hand edit.
      if (!(await recordBillingDecision(tx, next.entry))) throw new LostRace();
      return true;
    },
    ...(command.onApplied ? { after: (tx: DbTx, next: DecisionRecord) => command.onApplied!(tx, next.entry) } : {}),
  };
}

function locate(db: DbTx, organisationId: string, locator: BillingEntryLocator): Promise<BillingEntry | undefined> {
  return "billingEntryId" in locator
    ? findBillingEntry(db, organisationId, locator.billingEntryId)
    : findBillingEntryByReference(db, organisationId, locator.submissionReference);
}
