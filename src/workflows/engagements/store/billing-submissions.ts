// Submitting a billing entry exactly once. The form's nonce gives the idempotency key, unique
// per organisation in the database; the engagement's version guards its history. A double
// click, a retried invoke or two users sending the same form therefore make one entry and one
// history line, on SQLite and PostgreSQL, in one process or several.
import { randomUUID } from "node:crypto";
import { type BillingEntry, billingIdempotencyKey, billingReference, submitBillingEntry } from "../domain/billing";
import type { BillingDraft } from "../domain/billing-draft";
import { type Refusal, accept, refuse } from "../../../platform/domain/result";
import type { Actor } from "../../../platform/domain/roles";
import { countBillingEntries, findBillingEntry, findBillingEntryByIdempotencyKey, insertBillingEntry } from "./billing";
import { emitEvent } from "../../../platform/events/emit";
import { type DecideOnceSteps, decideOnce } from "../../../platform/store/decide-once";
import type { Db } from "../../../platform/store/db";
import type { Engagement } from "../domain/engagements";
import { billingSubmissionCorrected, billingSubmissionCreated, billingSubmissionData, billingSubmissionEventId } from "../events";
import { engagementAudit, findEngagement, saveEngagementVersion } from "./engagements";

export interface BillingSubmissionCommand {
  actor: Actor;
  engagementId: string;
  draft: BillingDraft;
  /** Put in the form's data when the card was rendered: the same form always sends the same one. */
  formNonce: string;
  timeZone: string;
  now: Date;
  /** The rejected entry this submission corrects. */
  supersedesId?: string;
}

export type BillingSubmissionOutcome =
  | { kind: "created"; entry: BillingEntry }
  /** This form was submitted before: here is what it made. */
  | { kind: "duplicate"; entry: BillingEntry }
  | { kind: "refused"; refusal: Refusal };

interface SubmissionRecord {
  engagement?: Engagement;
  /** What this form made when it was submitted before. */
  earlier?: BillingEntry;
  supersedes?: BillingEntry;
  /** The entry's number on its engagement, counted after the engagement was read. */
  ordinal: number;
}

export async function submitBillingOnce(db: Db, command: BillingSubmissionCommand): Promise<BillingSubmissionOutcome> {
  const outcome = await decideOnce(db, submissionSteps(command));
  if (outcome.outcome === "decided") return { kind: "created", entry: outcome.record.entry };
  if (outcome.outcome === "unchanged" && outcome.record.earlier) return { kind: "duplicate", entry: outcome.record.earlier };
  return { kind: "refused", refusal: outcome.outcome === "refused" ? outcome.refusal : { code: "not_found", facts: {} } };
}

function submissionSteps(command: BillingSubmissionCommand): DecideOnceSteps<SubmissionRecord, { entry: BillingEntry; engagement: Engagement }> {
  const organisationId = command.actor.organisationId;
  const idempotencyKey = billingIdempotencyKey(command.engagementId, command.formNonce);
  const id = randomUUID();
  return {
    load: async (tx) => {
      const earlier = await findBillingEntryByIdempotencyKey(tx, organisationId, idempotencyKey);
      if (earlier) return { earlier, ordinal: 0 };
      const engagement = await findEngagement(tx, organisationId, command.engagementId);
      const supersedes = command.supersedesId ? await findBillingEntry(tx, organisationId, command.supersedesId) : undefined;
      // Counted after the engagement was read: a submission landing in between moves the version
      // too, so this attempt's conditional update fails and the ordinal is counted again.
      const ordinal = engagement ? (await countBillingEntries(tx, organisationId, engagement.id)) + 1 : 0;
      return { ...(engagement ? { engagement } : {}), ...(supersedes ? { supersedes } : {}), ordinal };
    },
    decide: ({ earlier, engagement, supersedes, ordinal }) => {
      // A nonce replayed against another engagement is not this form.
      if (earlier) return earlier.engagementId === command.engagementId ? accept({ unchanged: true }) : refuse("not_found");
      if (!engagement || (command.supersedesId && !supersedes)) return refuse("not_found");
      const decided = submitBillingEntry(engagement, command.draft, command.actor, {
        id,
        reference: billingReference(engagement.reference, ordinal),
        idempotencyKey,
        timeZone: command.timeZone,
        now: command.now,
        ...(supersedes ? { supersedes } : {}),
      });
      if (!decided.ok) return decided;
      const { entry, transition } = decided.value;
      return accept({ next: { entry, engagement: transition.engagement }, audit: engagementAudit(transition.events) });
    },
    save: async (tx, before, next) => {
      if (!before.engagement || !(await saveEngagementVersion(tx, before.engagement, next.engagement))) return false;
      // A unique key taken meanwhile (the same form, or the same correction) is a lost race too.
      await insertBillingEntry(tx, next.entry);
      // No entry without its event, no event without its entry: both in this transaction.
      const event = next.entry.supersedesId ? billingSubmissionCorrected : billingSubmissionCreated;
      await emitEvent(tx, event, {
        organisationId,
        id: billingSubmissionEventId(next.entry.id),
        data: billingSubmissionData(next.entry, before.engagement),
        now: command.now,
      });
      return true;
    },
  };
}
