// Answers about renewals that both a typed question and a card button ask for: the list of
// renewals due within a window (for one customer or all) and one line item's card.
import type { TurnScope } from "../../platform/bot/turn-scope";
import type { AdaptiveCard } from "../../platform/cards/render";
import { todayIn } from "./domain/calendar-dates";
import { renewalsDueWithin } from "./domain/due-lists";
import { daysUntilDue } from "./domain/horizon";
import type { RenewalLineItem } from "./domain/line-items";
import { checkMayWork } from "./domain/renewal-outcomes";
import { lineItemHistory, listOpenLineItemsEnding } from "./store/line-items";
import { type Notice, renewalCard, renewalListCard } from "./views/renewals";

export function domainActor(scope: TurnScope) {
  return { userId: scope.actor.aadObjectId, name: scope.actor.name, role: scope.actor.role };
}

/** Open and quoted line items due within `days` of the organisation's today. */
export async function dueLineItems(scope: TurnScope, days: number): Promise<RenewalLineItem[]> {
  const today = todayIn(scope.organisation.timeZone, scope.now);
  return listOpenLineItemsEnding(scope.services.db, scope.organisation.id, today, days);
}

export function sameCustomer(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase("en") === b.trim().toLocaleLowerCase("en");
}

export async function dueListCard(scope: TurnScope, options: { days: number; customer?: string; start?: number }): Promise<AdaptiveCard> {
  const { customer } = options;
  const items = (await dueLineItems(scope, options.days)).filter((item) => !customer || sameCustomer(item.customerName, customer));
  const zone = scope.organisation.timeZone;
  return renewalListCard({
    t: scope.t,
    days: options.days,
    customers: renewalsDueWithin(items, options.days, zone, scope.now),
    daysLeft: (item) => daysUntilDue(item, zone, scope.now),
    start: options.start ?? 0,
    ...(customer ? { customer: items[0]?.customerName.trim() ?? customer } : {}),
  });
}

export async function lineItemCard(scope: TurnScope, item: RenewalLineItem, notice?: Notice): Promise<AdaptiveCard> {
  return renewalCard({
    item,
    t: scope.t,
    daysLeft: daysUntilDue(item, scope.organisation.timeZone, scope.now),
    canWork: checkMayWork(item, domainActor(scope)).ok,
    history: await lineItemHistory(scope.services.db, item),
    ...(notice ? { notice } : {}),
  });
}
