// Billing submissions (DOMAIN.md section 1): an entry is submitted against an approved
// engagement, then the vendor rates it (accepted and priced) or rejects it with a reason. A
// rejected entry is corrected by a new submission that supersedes it. Every change appends an
// engagement history event and bumps the engagement version, so the store's conditional update
// lets exactly one of several racing writers through.
import type { BillingDraft, BillingUnit } from "./billing-draft";
import { checkBillableMonth, checkTakesEntries } from "./billing-eligibility";
import { type Engagement, type Transition, eventFor } from "./engagements";
import { RATED_AMOUNT_LIMITS, parseCurrency, parseDecimal, roundToCurrency } from "./money";
import { checkNotBefore, checkNotInFuture } from "../../../platform/domain/reported-time";
import { type Result, accept, refuse } from "../../../platform/domain/result";
import type { Actor } from "../../../platform/domain/roles";
import { normaliseFreeText } from "../../../platform/domain/text";
import { can } from "./permissions";

export const BILLING_ENTRY_STATES = ["submitted", "rated", "rejected"] as const;
export type BillingEntryState = (typeof BILLING_ENTRY_STATES)[number];

/** The vendor usually decides within a day; after that an unrated submission is worth chasing. */
export const OVERDUE_AFTER_MS = 24 * 60 * 60 * 1000;
export const VENDOR_REASON_MAX = 1000;

/** Who history shows for decisions that come from the vendor's portal. */
export const VENDOR_ACTOR = { aadObjectId: "vendor", name: "Vendor" } as const;

export type DecisionSource = "http" | "import";

export interface BillingDecisionRecord {
  decisionId: string;
  source: DecisionSource;
  decidedAt: Date;
  receivedAt: Date;
  ratedAmount?: string;
  ratedCurrency?: string;
  reason?: string;
}

export interface BillingEntry {
  id: string;
  organisationId: string;
  engagementId: string;
  /** Shown to people and quoted by the vendor: "ENG-1042-B3". */
  reference: string;
  usageMonth: string;
  quantity: string;
  unit: BillingUnit;
  unitCost: string;
  currency: string;
  amount: string;
  notes?: string;
  state: BillingEntryState;
  submittedAt: Date;
  submittedById: string;
  submittedByName: string;
  idempotencyKey: string;
  supersedesId?: string;
  supersededById?: string;
  decision?: BillingDecisionRecord;
}

export interface BillingChange {
  entry: BillingEntry;
  transition: Transition;
}

/** One form, one key: the nonce is put in the form's data when the card is rendered. */
export function billingIdempotencyKey(engagementId: string, formNonce: string): string {
  return `${engagementId}:${formNonce}`;
}

export function billingReference(engagementReference: string, ordinal: number): string {
  return `${engagementReference}-B${ordinal}`;
}

export interface SubmissionContext {
  id: string;
  reference: string;
  idempotencyKey: string;
  timeZone: string;
  now: Date;
  /** The rejected entry this submission corrects. */
  supersedes?: BillingEntry;
}

export function submitBillingEntry(engagement: Engagement, draft: BillingDraft, actor: Actor, context: SubmissionContext): Result<BillingChange> {
  if (engagement.organisationId !== actor.organisationId) return refuse("not_found");
  if (!can(actor.role, "billing.submit")) return refuse("not_permitted", { role: actor.role });
  const takesEntries = checkTakesEntries(engagement, context.timeZone, context.now);
  if (!takesEntries.ok) return takesEntries;
  // Checked again here: a review step left open can cross the window's end.
  const window = checkBillableMonth(engagement, draft.month, context.timeZone, context.now);
  if (!window.ok) return window;
  const supersedes = context.supersedes;
  if (supersedes) {
    if (supersedes.engagementId !== engagement.id || supersedes.organisationId !== engagement.organisationId) {
      return refuse("not_found");
    }
    if (supersedes.state !== "rejected") return refuse("not_rejected", { reference: supersedes.reference, state: supersedes.state });
    if (supersedes.supersededById) return refuse("already_resubmitted", { reference: supersedes.reference });
  }
  const entry: BillingEntry = {
    id: context.id,
    organisationId: engagement.organisationId,
    engagementId: engagement.id,
    reference: context.reference,
    usageMonth: draft.month,
    quantity: draft.quantity,
    unit: draft.unit,
    unitCost: draft.unitCost,
    currency: draft.currency,
    amount: draft.amount,
    ...(draft.notes ? { notes: draft.notes } : {}),
    state: "submitted",
    submittedAt: context.now,
    submittedById: actor.aadObjectId,
    submittedByName: actor.name,
    idempotencyKey: context.idempotencyKey,
    ...(supersedes ? { supersedesId: supersedes.id } : {}),
  };
  const next: Engagement = { ...engagement, version: engagement.version + 1 };
  const details = {
    entryId: entry.id,
    reference: entry.reference,
    month: entry.usageMonth,
    quantity: entry.quantity,
    unit: entry.unit,
    unitCost: entry.unitCost,
    currency: entry.currency,
    amount: entry.amount,
    ...(supersedes ? { supersedes: supersedes.reference } : {}),
  };
  const event = eventFor(next, "billing_submitted", actor, context.now, undefined, details);
  return accept({ entry, transition: { engagement: next, events: [event] } });
}

export type VendorDecision =
  /** `decidedAt` is when the vendor decided; when the vendor does not say, when we heard of it. */
  | { outcome: "rated"; decisionId: string; decidedAt?: Date; ratedAmount?: string | number; currency?: string }
  | { outcome: "rejected"; decisionId: string; decidedAt?: Date; reason?: string };

export type DecisionOutcome = { kind: "applied"; change: BillingChange } | { kind: "unchanged"; entry: BillingEntry };

/**
 * Applies the vendor's decision. A replay is the same decision id with the same facts (outcome,
 * rated amount and currency, reason): it changes nothing. Anything else on a decided entry (a
 * new decision id, even with the same outcome, or the same id with other facts) is refused, as
 * is a decision dated after it was received (beyond the clock-skew allowance).
 */
export function decideBillingEntry(
  entry: BillingEntry,
  engagement: Engagement,
  decision: VendorDecision,
  source: DecisionSource,
  receivedAt: Date,
): Result<DecisionOutcome> {
  if (entry.engagementId !== engagement.id || entry.organisationId !== engagement.organisationId) return refuse("not_found");
  const decidedAt = decision.decidedAt ?? receivedAt;
  const timely = checkNotInFuture("decidedAt", decidedAt, receivedAt);
  if (!timely.ok) return timely;
  const ordered = checkNotBefore("decidedAt", decidedAt, entry.submittedAt, "submission");
  if (!ordered.ok) return ordered;
  const recorded = decisionRecord(entry, decision, source, receivedAt);
  if (entry.state !== "submitted") {
    if (entry.decision && recorded.ok && isReplay(entry.state, entry.decision, decision.outcome, recorded.value)) return accept({ kind: "unchanged", entry });
    return refuse("already_decided", { state: entry.state, reference: entry.reference, by: VENDOR_ACTOR.name, at: entry.decision?.decidedAt });
  }
  if (!recorded.ok) return recorded;
  const decided: BillingEntry = { ...entry, state: decision.outcome, decision: recorded.value };
  const next: Engagement = { ...engagement, version: engagement.version + 1 };
  const details = {
    entryId: entry.id,
    reference: entry.reference,
    decisionId: decision.decisionId,
    ...(recorded.value.ratedAmount ? { ratedAmount: recorded.value.ratedAmount, currency: recorded.value.ratedCurrency } : {}),
  };
  const action = decision.outcome === "rated" ? "billing_rated" : "billing_rejected";
  const event = eventFor(next, action, VENDOR_ACTOR, recorded.value.decidedAt, recorded.value.reason, details);
  return accept({ kind: "applied", change: { entry: decided, transition: { engagement: next, events: [event] } } });
}

function isReplay(state: BillingEntry["state"], recorded: BillingDecisionRecord, outcome: VendorDecision["outcome"], again: BillingDecisionRecord): boolean {
  return (
    recorded.decisionId === again.decisionId &&
    state === outcome &&
    recorded.ratedAmount === again.ratedAmount &&
    recorded.ratedCurrency === again.ratedCurrency &&
    recorded.reason === again.reason
  );
}

function decisionRecord(entry: BillingEntry, decision: VendorDecision, source: DecisionSource, receivedAt: Date): Result<BillingDecisionRecord> {
  const base = { decisionId: decision.decisionId, source, decidedAt: decision.decidedAt ?? receivedAt, receivedAt };
  if (decision.outcome === "rejected") {
    const reason = normaliseFreeText(decision.reason);
    if (!reason) return refuse("reason_required");
    if (reason.length > VENDOR_REASON_MAX) return refuse("reason_too_long", { max: VENDOR_REASON_MAX });
    return accept({ ...base, reason });
  }
  const currency = decision.currency === undefined ? accept(entry.currency) : parseCurrency(decision.currency);
  if (!currency.ok) return currency;
  if (decision.ratedAmount === undefined) {
    if (currency.value !== entry.currency) return refuse("field_required", { field: "ratedAmount" });
    return accept({ ...base, ratedAmount: entry.amount, ratedCurrency: entry.currency });
  }
  const amount = parseDecimal(decision.ratedAmount, RATED_AMOUNT_LIMITS);
  if (!amount.ok) return refuse("amount_invalid", { rule: amount.rule, maxDecimals: RATED_AMOUNT_LIMITS.maxDecimals });
  return accept({ ...base, ratedAmount: roundToCurrency(amount.value, currency.value), ratedCurrency: currency.value });
}

/** Unrated 24 h after submission. */
export function isOverdue(entry: Pick<BillingEntry, "state" | "submittedAt">, now: Date): boolean {
  return entry.state === "submitted" && now.getTime() >= overdueAt(entry).getTime();
}

export function overdueAt(entry: Pick<BillingEntry, "submittedAt">): Date {
  return new Date(entry.submittedAt.getTime() + OVERDUE_AFTER_MS);
}
