// Turns engagements into the data of cards/engagement.json and cards/engagement-list.json.
// Every string is resolved from the catalog here; templates only place them.
import type { Engagement, EngagementEvent, EngagementState } from "../domain/engagements";
import type { EngagementPage } from "../store/engagements";
import { REJECTION_REASON_MAX } from "../domain/engagements";
import { type AdaptiveCard, renderCard } from "../../../platform/cards/render";
import type { Translator } from "../../../platform/i18n/translator";

export type EngagementView = "details" | "history";

export interface EngagementCardInput {
  engagement: Engagement;
  t: Translator;
  view: EngagementView;
  /** Shown when the reader may decide now: the buttons and the reason field appear. */
  canDecide: boolean;
  history?: EngagementEvent[];
  notice?: { text: string; style: "good" | "attention" | "warning" | "accent" };
  /** Teams user ids that get this card refreshed automatically into their own view. */
  refreshUserIds?: string[];
  reasonValue?: string;
  /** The reader may add billing entries and the engagement takes them now (the caller knows the clock and zone). */
  canAddBilling?: boolean;
  /** The reader may decide completion requests (shown while one is open). */
  canDecideCompletion?: boolean;
}

const STATE_COLOR: Record<EngagementState, string> = {
  pending: "Warning",
  approved: "Good",
  rejected: "Attention",
  completion_requested: "Accent",
  completed: "Good",
  retired: "Default",
};

/** The header every engagement card shares: reference, title and a coloured state. */
export function engagementHeader(t: Translator, e: Engagement) {
  return { id: e.id, reference: e.reference, title: e.title, stateLabel: t.t(`engagement.state.${e.state}`), stateColor: STATE_COLOR[e.state] };
}

/** A notice shown at the top of a card (a decision made, a refusal explained), or none. */
export function noticeData(notice: { text: string; style: string } | undefined) {
  return { notice: notice?.text ?? "", noticeStyle: notice?.style ?? "default" };
}

export function engagementCard(input: EngagementCardInput): AdaptiveCard {
  const { engagement: e, t } = input;
  const facts = [
    { title: t.t("engagement.fact.client"), value: e.clientName },
    { title: t.t("engagement.fact.product"), value: e.productName },
    ...(e.requestedBy ? [{ title: t.t("engagement.fact.requestedBy"), value: e.requestedBy }] : []),
    { title: t.t("engagement.fact.requestedAt"), value: t.formatDateTime(e.requestedAt) },
    ...(e.decision
      ? [
          { title: t.t("engagement.fact.decidedBy"), value: e.decision.byName },
          { title: t.t("engagement.fact.decidedAt"), value: t.formatDateTime(e.decision.at) },
          ...(e.decision.reason ? [{ title: t.t("engagement.fact.reason"), value: e.decision.reason }] : []),
        ]
      : []),
  ];
  return renderCard("engagement", {
    engagement: { ...engagementHeader(t, e), description: e.description ?? "" },
    view: input.view,
    facts,
    history: (input.history ?? []).map((event) => ({
      at: t.formatDateTime(event.at),
      summary: t.t("engagement.history.event", { action: event.action, actor: event.actorName }),
      // Billing events name their entry, so the timeline says which submission was rated.
      subject: typeof event.details?.reference === "string" ? event.details.reference : "",
      reason: event.reason ?? "",
    })),
    ...noticeData(input.notice),
    canDecide: input.canDecide && e.state === "pending",
    refreshUserIds: input.refreshUserIds ?? [],
    reasonMaxLength: REJECTION_REASON_MAX,
    reasonValue: input.reasonValue ?? "",
    canAddBilling: input.canAddBilling ?? false,
    canDecideCompletion: (input.canDecideCompletion ?? false) && e.state === "completion_requested",
    text: {
      approve: t.t("engagement.action.approve"),
      reject: t.t("engagement.action.reject"),
      details: t.t("engagement.action.details"),
      history: t.t("engagement.action.history"),
      historyTitle: t.t("engagement.history.title"),
      reasonLabel: t.t("engagement.reason.label"),
      reasonPlaceholder: t.t("engagement.reason.placeholder"),
      billing: t.t("billing.action.entries"),
      addBilling: t.t("billing.action.add"),
      reviewCompletion: t.t("billing.completion.review"),
    },
  });
}

/** A message counting a list: "33 pending requests", or "more than 1,000" past the count's cap. */
export function countedText(t: Translator, key: string, page: EngagementPage, values: Record<string, string> = {}): string {
  return t.t(page.totalCapped ? `${key}Many` : key, { ...values, count: page.total });
}

export function engagementListCard(input: { title: string; page: EngagementPage; t: Translator }): AdaptiveCard {
  const { t, page } = input;
  const moreKey = page.totalCapped ? "engagement.list.moreOfMany" : "engagement.list.more";
  return renderCard("engagement-list", {
    title: input.title,
    items: page.items.map((e) => ({
      id: e.id,
      reference: e.reference,
      title: e.title,
      subtitle: t.t("engagement.list.subtitle", { client: e.clientName, product: e.productName, at: e.requestedAt }),
      stateLabel: t.t(`engagement.state.${e.state}`),
      stateColor: STATE_COLOR[e.state],
      openLabel: t.t("engagement.action.open"),
    })),
    more: page.totalCapped || page.total > page.items.length ? t.t(moreKey, { shown: page.items.length, total: page.total }) : "",
    // The next page starts after the last row shown (a keyset cursor): no offset to count past.
    nextRequestedAt: page.next?.requestedAt.toISOString() ?? "",
    nextReference: page.next?.reference ?? "",
    text: { empty: t.t("engagement.list.empty"), next: t.t("engagement.list.next") },
  });
}
