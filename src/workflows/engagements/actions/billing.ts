// Card actions for billing entries: the engagement's billing view, the add-entry form, its
// review step and the final submit, and the correction of a rejected entry. Card data is
// client-controlled: the engagement and entries are re-loaded within the actor's organisation,
// every field is re-checked on the server (Teams ignores associatedInputs), and the domain
// re-checks the role on every write.
import { billingCurrencies } from "../settings";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { BillingEntry } from "../domain/billing";
import { type BillingDraftInput, checkBillingDraft } from "../domain/billing-draft";
import { billableMonths, checkTakesEntries, takesBillingEntries } from "../domain/billing-eligibility";
import type { Engagement } from "../domain/engagements";
import type { Refusal } from "../../../platform/domain/result";
import { can } from "../domain/permissions";
import { findBillingEntry, listBillingEntries } from "../store/billing";
import { submitBillingOnce } from "../store/billing-submissions";
import { findEngagement } from "../store/engagements";
import { billingSubmissionEventId } from "../events";
import { type EventDelivery, eventDelivery } from "../../../platform/events/delivery-status";
import { ENTRIES_SHOWN, type FormIdentity, type Notice, billingEntriesCard, billingFormCard, billingRefusalText, billingReviewCard } from "../views/billing";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";

const ZEngagementSchema = z.object({ engagementId: z.string().min(1).max(64) });

const ZFormOpenSchema = ZEngagementSchema.extend({
  // A reminder's "add entry" button names the month whose window is closing.
  month: z.string().max(7).optional(),
});

const ZCorrectSchema = z.object({ entryId: z.string().min(1).max(64) });

// Input.Number values arrive as text (or a number from some clients); an untouched input is
// left out or sent as "". Limits here only bound the size: the domain says what is wrong.
const numeric = z.union([z.string().max(64), z.number()]).optional();
const text = (max: number) => z.string().max(max).optional();

const ZFormSchema = ZEngagementSchema.extend({
  nonce: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  supersedesId: z.string().max(64).optional().default(""),
  quantity: numeric,
  unitCost: numeric,
  unit: text(32),
  currency: text(16),
  month: text(16),
  notes: text(10_000),
});
type TForm = z.infer<typeof ZFormSchema>;

async function loadEngagement(scope: ActionScope, engagementId: string): Promise<Engagement | undefined> {
  return findEngagement(scope.services.db, scope.organisation.id, engagementId);
}

const notFound = (scope: ActionScope): ActionOutcome => ({ message: refusalText(scope.t, { code: "not_found", facts: {} }) });

async function entriesCard(scope: ActionScope, engagement: Engagement, notice?: Notice) {
  const entries = await listBillingEntries(scope.services.db, scope.organisation.id, engagement.id);
  const canAdd = can(scope.actor.role, "billing.submit") && takesBillingEntries(engagement, scope.organisation.timeZone, scope.now);
  const deliveries = new Map<string, EventDelivery>();
  for (const entry of entries.slice(0, ENTRIES_SHOWN)) {
    if (entry.state === "submitted") deliveries.set(entry.id, await eventDelivery(scope.services.db, billingSubmissionEventId(entry.id)));
  }
  return billingEntriesCard({ engagement, entries, deliveries, t: scope.t, now: scope.now, canAdd, ...(notice ? { notice } : {}) });
}

function formCard(
  scope: ActionScope,
  engagement: Engagement,
  form: { identity: FormIdentity; values: BillingDraftInput; supersedes?: BillingEntry },
  problems?: Parameters<typeof billingFormCard>[0]["problems"],
) {
  return billingFormCard({
    engagement,
    t: scope.t,
    identity: form.identity,
    values: form.values,
    ...(problems ? { problems } : {}),
    openMonths: billableMonths(engagement, scope.organisation.timeZone, scope.now),
    organisationTimeZone: scope.organisation.timeZone,
    currencies: billingCurrencies(scope.services.config),
    ...(form.supersedes ? { supersedes: form.supersedes } : {}),
  });
}

/** The form may open only for someone who may submit, on an engagement that takes entries now. */
async function refuseForm(scope: ActionScope, engagement: Engagement): Promise<ActionOutcome | undefined> {
  const takesEntries = checkTakesEntries(engagement, scope.organisation.timeZone, scope.now);
  const refusal: Refusal | undefined = !can(scope.actor.role, "billing.submit")
    ? { code: "not_permitted", facts: { role: scope.actor.role } }
    : !takesEntries.ok
      ? takesEntries.refusal
      : undefined;
  if (!refusal) return undefined;
  return { card: await entriesCard(scope, engagement, { text: billingRefusalText(scope.t, refusal), style: "attention" }) };
}

async function openForm(scope: ActionScope, data: z.infer<typeof ZFormOpenSchema>): Promise<ActionOutcome> {
  const engagement = await loadEngagement(scope, data.engagementId);
  if (!engagement) return notFound(scope);
  const refused = await refuseForm(scope, engagement);
  if (refused) return refused;
  const open = billableMonths(engagement, scope.organisation.timeZone, scope.now);
  const values: BillingDraftInput = data.month && open.includes(data.month) ? { month: data.month } : {};
  // A fresh nonce per rendered form: re-sending this form is a duplicate, a new form is a new entry.
  return { card: formCard(scope, engagement, { identity: { engagementId: engagement.id, nonce: randomUUID(), supersedesId: "" }, values }) };
}

async function correct(scope: ActionScope, data: z.infer<typeof ZCorrectSchema>): Promise<ActionOutcome> {
  const entry = await findBillingEntry(scope.services.db, scope.organisation.id, data.entryId);
  const engagement = entry ? await loadEngagement(scope, entry.engagementId) : undefined;
  if (!entry || !engagement) return notFound(scope);
  const refused = await refuseForm(scope, engagement);
  if (refused) return refused;
  const refusal: Refusal | undefined =
    entry.state !== "rejected"
      ? { code: "not_rejected", facts: { reference: entry.reference, state: entry.state } }
      : entry.supersededById
        ? { code: "already_resubmitted", facts: { reference: entry.reference } }
        : undefined;
  if (refusal) return { card: await entriesCard(scope, engagement, { text: billingRefusalText(scope.t, refusal), style: "accent" }) };
  const values: BillingDraftInput = {
    quantity: entry.quantity,
    unit: entry.unit,
    unitCost: entry.unitCost,
    currency: entry.currency,
    ...(billableMonths(engagement, scope.organisation.timeZone, scope.now).includes(entry.usageMonth) ? { month: entry.usageMonth } : {}),
    ...(entry.notes ? { notes: entry.notes } : {}),
  };
  const identity = { engagementId: engagement.id, nonce: randomUUID(), supersedesId: entry.id };
  return { card: formCard(scope, engagement, { identity, values, supersedes: entry }) };
}

/** The engagement, the rejected entry being corrected (if any) and the form as sent. */
async function loadForm(scope: ActionScope, data: TForm) {
  const engagement = await loadEngagement(scope, data.engagementId);
  const supersedes = data.supersedesId ? await findBillingEntry(scope.services.db, scope.organisation.id, data.supersedesId) : undefined;
  if (!engagement || (data.supersedesId && supersedes?.engagementId !== engagement.id)) return undefined;
  const identity: FormIdentity = { engagementId: engagement.id, nonce: data.nonce, supersedesId: data.supersedesId };
  const values: BillingDraftInput = {
    ...(data.quantity !== undefined ? { quantity: data.quantity } : {}),
    ...(data.unitCost !== undefined ? { unitCost: data.unitCost } : {}),
    ...(data.unit !== undefined ? { unit: data.unit } : {}),
    ...(data.currency !== undefined ? { currency: data.currency } : {}),
    ...(data.month !== undefined ? { month: data.month } : {}),
    ...(data.notes !== undefined ? { notes: data.notes } : {}),
  };
  return { engagement, identity, values, ...(supersedes ? { supersedes } : {}) };
}

function draftRules(scope: ActionScope, engagement: Engagement) {
  return { engagement, timeZone: scope.organisation.timeZone, now: scope.now, currencies: billingCurrencies(scope.services.config) };
}

async function review(scope: ActionScope, data: TForm): Promise<ActionOutcome> {
  const form = await loadForm(scope, data);
  if (!form) return notFound(scope);
  const refused = await refuseForm(scope, form.engagement);
  if (refused) return refused;
  const checked = checkBillingDraft(form.values, draftRules(scope, form.engagement));
  if (!checked.ok) return { card: formCard(scope, form.engagement, form, checked.problems) };
  return {
    card: billingReviewCard({
      engagement: form.engagement,
      t: scope.t,
      identity: form.identity,
      draft: checked.value,
      ...(form.supersedes ? { supersedes: form.supersedes } : {}),
    }),
  };
}

async function edit(scope: ActionScope, data: TForm): Promise<ActionOutcome> {
  const form = await loadForm(scope, data);
  if (!form) return notFound(scope);
  return (await refuseForm(scope, form.engagement)) ?? { card: formCard(scope, form.engagement, form) };
}

async function submit(scope: ActionScope, data: TForm): Promise<ActionOutcome> {
  const form = await loadForm(scope, data);
  if (!form) return notFound(scope);
  const checked = checkBillingDraft(form.values, draftRules(scope, form.engagement));
  if (!checked.ok) return { card: formCard(scope, form.engagement, form, checked.problems) };
  const outcome = await submitBillingOnce(scope.services.db, {
    actor: scope.actor,
    engagementId: form.engagement.id,
    draft: checked.value,
    formNonce: form.identity.nonce,
    timeZone: scope.organisation.timeZone,
    now: scope.now,
    ...(form.identity.supersedesId ? { supersedesId: form.identity.supersedesId } : {}),
  });
  const engagement = (await loadEngagement(scope, form.engagement.id)) ?? form.engagement;
  if (outcome.kind === "created") {
    return { card: await entriesCard(scope, engagement, { text: scope.t.t("billing.notice.submitted", { entry: outcome.entry.reference }), style: "good" }) };
  }
  if (outcome.kind === "duplicate") {
    return { card: await entriesCard(scope, engagement, { text: scope.t.t("billing.notice.duplicate", { entry: outcome.entry.reference }), style: "accent" }) };
  }
  // The window can close while the review card is open: say so next to the month.
  if (outcome.refusal.code === "billing_window_closed" || outcome.refusal.code === "billing_after_completion")
    return { card: formCard(scope, engagement, form, { month: outcome.refusal }) };
  return { card: await entriesCard(scope, engagement, { text: billingRefusalText(scope.t, outcome.refusal), style: "attention" }) };
}

async function openEntries(scope: ActionScope, data: z.infer<typeof ZEngagementSchema>): Promise<ActionOutcome> {
  const engagement = await loadEngagement(scope, data.engagementId);
  return engagement ? { card: await entriesCard(scope, engagement) } : notFound(scope);
}

export const billingActions = {
  "engagement.billing": defineAction(ZEngagementSchema, false, openEntries),
  "billing.form": defineAction(ZFormOpenSchema, false, openForm),
  "billing.correct": defineAction(ZCorrectSchema, false, correct),
  "billing.review": defineAction(ZFormSchema, false, review),
  "billing.edit": defineAction(ZFormSchema, false, edit),
  "billing.submit": defineAction(ZFormSchema, true, submit),
};
