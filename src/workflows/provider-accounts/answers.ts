// Answers both a typed question and a card button can ask for: one account's card, the unmapped
// list, the invitations not accepted yet, what was mapped this week. Always within the asker's
// organisation; buttons only for those whose role allows them.
import type { TurnScope } from "../../platform/bot/turn-scope";
import type { AdaptiveCard } from "../../platform/cards/render";
import { providerAccountPermissions } from "./domain/permissions";
import type { ProviderAccount } from "./domain/provider-accounts";
import { weekStart } from "./domain/questions";
import { listAwaitingAcceptance, countAwaitingAcceptance } from "./store/relationship-requests";
import { listMappedSince, listUnmapped } from "./store/provider-accounts";
import { searchCustomerRecords, suggestionsFor } from "./store/suggestions";
import { daysUnmapped, type Notice, providerAccountCard, providerAccountListCard } from "./views/provider-accounts";

export const LIST_PAGE = 10;
const INVITATIONS_SHOWN = 20;

export async function providerAccountCardFor(
  scope: TurnScope,
  account: ProviderAccount,
  options: { notice?: Notice; query?: string } = {},
): Promise<AdaptiveCard> {
  const { db } = scope.services;
  const query = options.query?.trim();
  const [suggestions, results] = await Promise.all([
    account.state === "unmapped" ? suggestionsFor(db, account) : Promise.resolve([]),
    query ? searchCustomerRecords(db, scope.organisation.id, query) : Promise.resolve(undefined),
  ]);
  return providerAccountCard({
    account,
    t: scope.t,
    now: scope.now,
    suggestions,
    ...(results ? { results, query: query ?? "" } : {}),
    canMap: providerAccountPermissions.can(scope.actor.role, "providerAccount.map"),
    canRemap: providerAccountPermissions.can(scope.actor.role, "providerAccount.remap"),
    ...(options.notice ? { notice: options.notice } : {}),
  });
}

export async function unmappedListCard(scope: TurnScope, after?: { appearedAt: Date; id: string }): Promise<AdaptiveCard> {
  const { t } = scope;
  const page = await listUnmapped(scope.services.db, scope.organisation.id, { limit: LIST_PAGE, ...(after ? { after } : {}) });
  return providerAccountListCard({
    t,
    title: t.t("providerAccount.list.unmappedTitle", { count: page.total }),
    items: page.items.map((account) => ({
      title: account.name,
      subtitle: t.t("providerAccount.list.unmappedItem", { name: account.name, provider: account.provider, days: daysUnmapped(account, scope.now) }),
      verb: "providerAccount.open",
      data: { providerAccountId: account.id },
    })),
    ...(page.next
      ? { more: { verb: "providerAccount.listUnmapped", data: { afterAppearedAt: page.next.appearedAt.toISOString(), afterId: page.next.id } } }
      : {}),
  });
}

export async function invitationsCard(scope: TurnScope): Promise<AdaptiveCard> {
  const { t } = scope;
  const { db } = scope.services;
  const [requests, total] = await Promise.all([
    listAwaitingAcceptance(db, scope.organisation.id, INVITATIONS_SHOWN),
    countAwaitingAcceptance(db, scope.organisation.id),
  ]);
  return providerAccountListCard({
    t,
    title: t.t("providerAccount.list.invitationsTitle", { count: total }),
    items: requests.map((request) => ({
      title: request.customerName,
      subtitle: t.t("providerAccount.list.invitationItem", { customerName: request.customerName, by: request.sentByName, sentAt: request.sentAt }),
    })),
  });
}

export async function mappedThisWeekCard(scope: TurnScope): Promise<AdaptiveCard> {
  const { t } = scope;
  const since = weekStart(scope.now, scope.organisation.timeZone);
  const accounts = await listMappedSince(scope.services.db, scope.organisation.id, since, 30);
  return providerAccountListCard({
    t,
    title: t.t("providerAccount.answer.mappedThisWeek", { count: accounts.length }),
    items: accounts.map((account) => ({
      title: account.name,
      subtitle: t.t("providerAccount.answer.mappedItem", {
        name: account.name,
        customerName: account.mapping?.customerName ?? "",
        by: account.mapping?.byName ?? "",
        at: account.mapping?.at ?? scope.now,
      }),
      verb: "providerAccount.open",
      data: { providerAccountId: account.id },
    })),
  });
}
