// Answers about engagements that both a typed question and a card button can ask for: the
// pending list and one engagement's status. One source of truth for chat and cards.
import { takesBillingEntries } from "./domain/billing-eligibility";
import type { Engagement } from "./domain/engagements";
import { can, ENGAGEMENT_PERMISSIONS } from "./domain/permissions";
import type { AdaptiveCard } from "../../platform/cards/render";
import { type EngagementCursor, listEngagementEvents, listEngagements } from "./store/engagements";
import { listTeamsUserIdsWithRoles } from "../../platform/store/organisations";
import type { TurnScope } from "../../platform/bot/turn-scope";
import { countedText, engagementCard, engagementListCard, type EngagementView } from "./views/engagements";

export const PENDING_LIST_LIMIT = 10;

/** Who hears of a request on a shared card: whoever may decide it. */
export const DECIDER_ROLES = ENGAGEMENT_PERMISSIONS.rolesWith("engagement.decide");

type Notice = { text: string; style: "good" | "attention" | "warning" | "accent" };

/** The card as this reader should see it now: buttons only for those who may decide. */
export async function engagementCardFor(
  scope: TurnScope,
  engagement: Engagement,
  options: { view?: EngagementView; notice?: Notice; reasonValue?: string; refreshUserIds?: string[] } = {},
): Promise<AdaptiveCard> {
  const view = options.view ?? "details";
  const history = view === "history" ? await listEngagementEvents(scope.services.db, engagement.organisationId, engagement.id) : [];
  return engagementCard({
    engagement,
    t: scope.t,
    view,
    canDecide: can(scope.actor.role, "engagement.decide"),
    canAddBilling: can(scope.actor.role, "billing.submit") && takesBillingEntries(engagement, scope.organisation.timeZone, scope.now),
    canDecideCompletion: can(scope.actor.role, "engagement.complete"),
    history,
    ...(options.notice ? { notice: options.notice } : {}),
    ...(options.reasonValue ? { reasonValue: options.reasonValue } : {}),
    refreshUserIds: options.refreshUserIds ?? [],
  });
}

/** The card everyone in a chat sees: read-only, refreshed into the deciders' own view while pending. */
export async function sharedEngagementCard(scope: TurnScope, engagement: Engagement): Promise<AdaptiveCard> {
  const refreshUserIds = engagement.state === "pending" ? await listTeamsUserIdsWithRoles(scope.services.db, engagement.organisationId, DECIDER_ROLES) : [];
  return engagementCard({ engagement, t: scope.t, view: "details", canDecide: false, refreshUserIds });
}

/** The pending requests, a page at a time: the first page, or the one after `after`. */
export async function pendingEngagementsCard(scope: TurnScope, after?: EngagementCursor): Promise<AdaptiveCard> {
  const page = await listEngagements(scope.services.db, scope.organisation.id, {
    states: ["pending"],
    limit: PENDING_LIST_LIMIT,
    ...(after ? { after } : {}),
  });
  return engagementListCard({ title: countedText(scope.t, "engagement.list.pendingTitle", page), page, t: scope.t });
}

/**
 * A card posted in a chat stays there for everyone: in a personal chat it is the reader's own
 * view, kept fresh for them; elsewhere it is read-only and refreshes into the deciders' view.
 */
export async function engagementCardToPost(scope: TurnScope, engagement: Engagement): Promise<AdaptiveCard> {
  if (scope.conversationType !== "personal") return sharedEngagementCard(scope, engagement);
  const own = scope.actor.teamsUserId ? [scope.actor.teamsUserId] : [];
  return engagementCardFor(scope, engagement, { refreshUserIds: own });
}
