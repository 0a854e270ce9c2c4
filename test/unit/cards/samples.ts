// Representative renderings of every template in cards/, through the same view builders the
// bot uses, in a given language. A template without a sample fails the card test, so each
// new card comes with one.
import type { AdaptiveCard } from "../../../src/platform/cards/render";
import type { Engagement, EngagementEvent } from "../../../src/workflows/engagements/domain/engagements";
import type { Translator } from "../../../src/platform/i18n/translator";
import { errorCard, welcomeCard } from "../../../src/platform/bot/views/common";
import { engagementCard, engagementListCard } from "../../../src/workflows/engagements/views/engagements";
import { TABLES } from "../../support/tables";

export const sampleEngagement: Engagement = {
  id: "cm3engagement0001",
  organisationId: "org-1",
  externalId: "IBM-PI-88812",
  reference: "ENG-1042",
  title: "Managed backup and disaster recovery for the Lyon plant",
  clientName: "Fabrikam Industries",
  productName: "IBM Storage Protect as a service",
  description: "Daily backups of 40 servers, quarterly restore tests, 35-day retention.".repeat(3),
  requestedBy: "Claire Martin",
  requestedAt: new Date("2026-11-18T09:30:00Z"),
  state: "rejected",
  version: 2,
  decision: { at: new Date("2026-11-19T15:00:00Z"), byId: "aad-ana", byName: "Ana Approver", reason: "The client has no budget approved for 2026." },
};

const history: EngagementEvent[] = Array.from({ length: 30 }, (_, i) => ({
  engagementId: sampleEngagement.id,
  organisationId: "org-1",
  sequence: i + 1,
  at: new Date(Date.UTC(2026, 10, 1 + (i % 28), 9, i)),
  action: i === 0 ? "created" : i % 3 === 0 ? "billing_submitted" : "updated",
  actorName: "Vendor portal import",
  ...(i % 5 === 0 ? { reason: "Quantity corrected after the vendor's review." } : {}),
}));

export type CardSamples = Record<string, (t: Translator) => AdaptiveCard[]>;

export const foundationSamples: CardSamples = {
  engagement: (t) => [
    engagementCard({
      engagement: { ...sampleEngagement, state: "pending", decision: undefined },
      t,
      view: "details",
      canDecide: true,
      refreshUserIds: ["29:a", "29:b"],
    }),
    engagementCard({ engagement: sampleEngagement, t, view: "history", canDecide: false, history, notice: { text: "Already approved", style: "accent" } }),
  ],
  "engagement-list": (t) => [
    engagementListCard({
      title: t.t("engagement.list.pendingTitle", { count: 25 }),
      page: {
        items: Array.from({ length: 10 }, () => sampleEngagement),
        total: 25,
        totalCapped: false,
        next: { requestedAt: sampleEngagement.requestedAt, reference: sampleEngagement.reference },
      },
      t,
    }),
    engagementListCard({
      title: t.t("engagement.list.pendingTitleMany", { count: 1000 }),
      page: { items: Array.from({ length: 10 }, () => sampleEngagement), total: 1000, totalCapped: true },
      t,
    }),
    engagementListCard({ title: t.t("engagement.list.pendingTitle", { count: 0 }), page: { items: [], total: 0, totalCapped: false }, t }),
  ],
  error: (t) => [errorCard(t, "3f2b8c1e-0000-4000-8000-000000000000")],
  welcome: (t) => [welcomeCard(t, TABLES, "Ana Approver", "approver")],
};
