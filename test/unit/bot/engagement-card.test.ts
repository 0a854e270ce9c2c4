// The engagement card's history view reads as a timeline a partner can audit: who did what,
// when, why, and which billing submission an event is about.
import { describe, expect, it } from "vitest";
import { engagementCard } from "../../../src/workflows/engagements/views/engagements";
import type { EngagementEvent } from "../../../src/workflows/engagements/domain/engagements";
import { translator } from "../../../src/platform/i18n/translator";
import { cardText } from "../../support/bot";
import { sampleEngagement } from "../cards/samples";

const event = (action: string, details?: Record<string, unknown>, reason?: string): EngagementEvent => ({
  engagementId: sampleEngagement.id,
  organisationId: sampleEngagement.organisationId,
  sequence: 1,
  at: new Date("2026-11-02T10:00:00Z"),
  action,
  actorName: action === "billing_rejected" ? "Vendor" : "Bea Billing",
  ...(details ? { details } : {}),
  ...(reason ? { reason } : {}),
});

describe("the engagement history view", () => {
  it("names the billing submission an event is about, and the vendor's reason", () => {
    const history = [
      event("billing_submitted", { reference: "ENG-1042-B1", amount: "125.00" }),
      event("billing_rejected", { reference: "ENG-1042-B1" }, "Unit cost above the price list"),
    ];
    const text = cardText(engagementCard({ engagement: sampleEngagement, t: translator("en", "Europe/Paris"), view: "history", canDecide: false, history }));
    expect(text).toMatch(
      /Billing entry recorded by Bea Billing\nENG-1042-B1[\s\S]*Billing entry rejected by Vendor\nENG-1042-B1\nUnit cost above the price list/,
    );
  });

  it("writes the timeline in the reader's language and zone", () => {
    const text = cardText(
      engagementCard({ engagement: sampleEngagement, t: translator("fr", "Asia/Jakarta"), view: "history", canDecide: false, history: [event("approved")] }),
    );
    expect(text).toMatch(/2 nov\. 2026, 17:00[\s\S]*Approuvé par Bea Billing/);
  });
});
