// Turns an engagement awaiting completion into the data of cards/engagement-completion.json:
// the client's request (from the engagement's history) and, for approvers, the decision.
import type { Engagement, EngagementEvent } from "../domain/engagements";
import { REJECTION_REASON_MAX } from "../domain/engagements";
import { type AdaptiveCard, renderCard } from "../../../platform/cards/render";
import type { Translator } from "../../../platform/i18n/translator";
import type { Notice } from "./billing";
import { engagementHeader, noticeData } from "./engagements";

export function completionCard(input: {
  engagement: Engagement;
  t: Translator;
  /** The latest "completion_requested" event: who asked, when, and their note. */
  request?: EngagementEvent;
  canDecide: boolean;
  notice?: Notice;
  reasonValue?: string;
}): AdaptiveCard {
  const { t, engagement, request } = input;
  return renderCard("engagement-completion", {
    engagement: engagementHeader(t, engagement),
    ...noticeData(input.notice),
    intro: t.t("billing.completion.intro", { client: engagement.clientName, reference: engagement.reference, at: request?.at ?? engagement.requestedAt }),
    requestedBy: request ? t.t("billing.completion.requestedBy", { name: request.actorName }) : "",
    note: request?.reason ? t.t("billing.completion.note", { note: request.reason }) : "",
    canDecide: input.canDecide && engagement.state === "completion_requested",
    reasonMaxLength: REJECTION_REASON_MAX,
    reasonValue: input.reasonValue ?? "",
    text: {
      title: t.t("billing.completion.title"),
      explain: t.t("billing.completion.explain"),
      approve: t.t("billing.completion.approve"),
      reject: t.t("billing.completion.reject"),
      reasonLabel: t.t("billing.completion.reasonLabel"),
      reasonPlaceholder: t.t("billing.completion.reasonPlaceholder"),
      details: t.t("engagement.action.details"),
      billing: t.t("billing.action.entries"),
    },
  });
}
