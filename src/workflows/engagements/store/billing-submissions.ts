// Submitting a billing entry exactly once. The form's nonce gives the idempotency key, unique
// per organisation in the database; the engagement's version guards its history. A double
// click, a retried invoke or two users sending the same form therefore make one entry and one
// history line, on SQLite and PostgreSQL, in one process or several.
import { randomUUID } from "node:crypto";
import { type BillingEntry, billingIdempotencyKey, billingReference, submitBillingEntry } from "../domain/billing";
import type { BillingDraft } from "../domain/billing-draft";
import type { Refusal } from "../../../platform/domain/result";
import type { Actor } from "../../../platform/domain/roles";
import { countBillingEntries, findBillingEntry, findBillingEntryByIdempotencyKey, insertBillingEntry } from "./billing";
import { LOST_RACE, retryLostRaces } from "../../../platform/store/decide-once";
import type { Db } from "../../../platform/store/db";
import { findEngagement, updateEngagement } from "./engagements";

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

export async function submitBillingOnce(db: Db, command: BillingSubmissionCommand): Promise<BillingSubmissionOutcome> {
  const organisationId = command.actor.organisationId;
  const idempotencyKey = billingIdempotencyKey(command.engagementId, command.formNonce);
  return retryLostRaces(async () => {
    const earlier = await findBillingEntryByIdempotencyKey(db, organisationId, idempotencyKey);
    if (earlier) {
      // A nonce replayed against another engagement is not this form.
      if (earlier.engagementId !== command.engagementId) return refused("not_found");
      return { kind: "duplicate", entry: earlier };
    }
    const engagement = await findEngagement(db, organisationId, command.engagementId);
    if (!engagement) return refused("not_found");
    const supersedes = command.supersedesId ? await findBillingEntry(db, organisationId, command.supersedesId) : undefined;
    if (command.supersedesId && !supersedes) return refused("not_found");
    // Counted after the engagement was read: a submission landing in between moves the version
    // too, so this attempt's conditional update fails and the ordinal is counted again.
    const ordinal = (await countBillingEntries(db, organisationId, engagement.id)) + 1;
    const decided = submitBillingEntry(engagement, command.draft, command.actor, {
      id: randomUUID(),
      reference: billingReference(engagement.reference, ordinal),
      idempotencyKey,
      timeZone: command.timeZone,
      now: command.now,
      ...(supersedes ? { supersedes } : {}),
    });
    if (!decided.ok) return { kind: "refused", refusal: decided.refusal };
    const { entry, transition } = decided.value;
    const saved = await db.$transaction(async (tx) => {
      if ((await updateEngagement(tx, engagement, transition)) === "conflict") return false;
      await insertBillingEntry(tx, entry);
      return true;
    });
    return saved ? { kind: "created", entry } : LOST_RACE;
  });
}

function refused(code: Refusal["code"]): BillingSubmissionOutcome {
  return { kind: "refused", refusal: { code, facts: {} } };
}
