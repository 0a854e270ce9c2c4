// Card actions on renewals: the due list (a window, a customer, a page), one line item's card,
// and marking it quoted, renewed or lost. The id in the card data is only a pointer: the line
// item is re-loaded within the actor's organisation and the role re-checked on every click.
import { z } from "zod";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { RENEWAL_HORIZON_DAYS } from "../domain/horizon";
import type { RenewalCommand } from "../domain/renewal-outcomes";
import { findLineItem } from "../store/line-items";
import { workRenewalOnce } from "../store/renewal-outcomes";
import { dueListCard, lineItemCard } from "../answers";

const PREFIX = "renewal";

const ZListSchema = z.object({
  // Card data carries numbers as strings once templated.
  days: z.coerce.number().int().min(1).max(RENEWAL_HORIZON_DAYS).catch(90),
  customer: z.string().max(200).optional().catch(undefined),
  start: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
});

const ZLineItemRefSchema = z.object({ lineItemId: z.string().min(1).max(64) });
// Teams sends an untouched Input.Text as an empty string or leaves it out.
const ZQuoteSchema = ZLineItemRefSchema.extend({ quoteNumber: z.string().max(1000).optional() });
const ZLoseSchema = ZLineItemRefSchema.extend({ reason: z.string().max(10_000).optional() });

async function open(scope: ActionScope, data: z.infer<typeof ZLineItemRefSchema>): Promise<ActionOutcome> {
  const item = await findLineItem(scope.services.db, scope.organisation.id, data.lineItemId);
  if (!item) return { message: refusalText(scope.t, { code: "not_found", facts: {} }, PREFIX) };
  return { card: await lineItemCard(scope, item) };
}

async function work(scope: ActionScope, lineItemId: string, command: RenewalCommand): Promise<ActionOutcome> {
  const outcome = await workRenewalOnce(scope.services.db, scope.actor, lineItemId, command, scope.now);
  if (outcome.outcome === "not_found") return { message: refusalText(scope.t, { code: "not_found", facts: {} }, PREFIX) };
  if (outcome.outcome === "refused") {
    const style = outcome.refusal.code === "renewal_closed" ? "accent" : "attention";
    return { card: await lineItemCard(scope, outcome.record, { text: refusalText(scope.t, outcome.refusal, PREFIX), style }) };
  }
  const { record } = outcome;
  const notice = { text: scope.t.t(`renewal.notice.${record.state}`, { quoteNumber: record.quoteNumber ?? "" }), style: "good" } as const;
  return { card: await lineItemCard(scope, record, notice) };
}

export const renewalActions = {
  "renewal.list": defineAction(ZListSchema, false, async (scope, data) => ({
    card: await dueListCard(scope, { days: data.days, ...(data.customer ? { customer: data.customer } : {}), ...(data.start ? { start: data.start } : {}) }),
  })),
  "renewal.open": defineAction(ZLineItemRefSchema, false, open),
  "renewal.quote": defineAction(ZQuoteSchema, true, (scope, data) => work(scope, data.lineItemId, { kind: "quote", quoteNumber: data.quoteNumber ?? "" })),
  "renewal.renew": defineAction(ZLineItemRefSchema, true, (scope, data) => work(scope, data.lineItemId, { kind: "renew" })),
  "renewal.lose": defineAction(ZLoseSchema, true, (scope, data) => work(scope, data.lineItemId, { kind: "lose", reason: data.reason ?? "" })),
};
