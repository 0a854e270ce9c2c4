// The engagement list says, on every row, that the row opens: a visible button, not only a
// click target a partner would have to guess at.
import { describe, expect, it } from "vitest";
import { PENDING_LIST_LIMIT } from "../../../src/workflows/engagements/answers";
import { engagementListCard } from "../../../src/workflows/engagements/views/engagements";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { translator } from "../../../src/platform/i18n/translator";
import { MAX_CARD_BYTES, validateAdaptiveCard } from "../../support/adaptive-card-validator";
import { sampleEngagement } from "../cards/samples";

/** The Action.Execute buttons a reader sees: in action sets, not a container's selectAction. */
function visibleButtons(node: unknown, inActionSet = false): { title: string; verb: string; data: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((item) => visibleButtons(item, inActionSet));
  if (!node || typeof node !== "object") return [];
  const record = node as Record<string, unknown>;
  if (record.type === "Action.Execute") return inActionSet ? [record as { title: string; verb: string; data: Record<string, unknown> }] : [];
  return Object.entries(record).flatMap(([key, value]) => (key === "selectAction" ? [] : visibleButtons(value, inActionSet || key === "actions")));
}

const items = Array.from({ length: PENDING_LIST_LIMIT }, (_, i) => ({
  ...sampleEngagement,
  id: `cm3engagement${i}`,
  reference: `ENG-${1042 + i}`,
  state: "pending" as const,
}));

describe("the engagement list", () => {
  it("gives every row a visible Open button for that engagement", () => {
    const card = engagementListCard({ title: "Pending", page: { items, total: 25, totalCapped: false }, t: translator("en") });
    expect(visibleButtons(card)).toEqual(
      items.map((item) => expect.objectContaining({ title: "Open", verb: "engagement.open", data: { engagementId: item.id, view: "details" } })),
    );
  });

  it("offers the page after the last row shown, named by that row, and says when there are more than it counted", () => {
    const next = { requestedAt: new Date("2026-11-02T08:00:00Z"), reference: "ENG-1051" };
    const card = engagementListCard({ title: "Pending", page: { items, total: 1000, totalCapped: true, next }, t: translator("en") });
    expect(visibleButtons(card).at(-1)).toEqual(
      expect.objectContaining({
        title: "Next requests",
        verb: "engagement.listPending",
        data: { afterRequestedAt: "2026-11-02T08:00:00.000Z", afterReference: "ENG-1051" },
      }),
    );
    expect(JSON.stringify(card)).toContain("Showing 10 of more than 1,000 requests.");
  });

  it("offers no next page on the last one", () => {
    const card = engagementListCard({ title: "Pending", page: { items, total: 10, totalCapped: false }, t: translator("en") });
    expect(visibleButtons(card).map((button) => button.verb)).not.toContain("engagement.listPending");
  });

  it.each(LOCALES)("stays a valid card within the 28 KB budget with the longest list, in %s", (locale) => {
    const next = { requestedAt: new Date("2026-11-02T08:00:00Z"), reference: "ENG-1051" };
    const card = engagementListCard({ title: "Pending", page: { items, total: 1000, totalCapped: true, next }, t: translator(locale, "Europe/Paris") });
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
  });
});
