// A digest always fits in a Teams card, however much is due: with 5,000 items, long client
// names and every language, the digest, the overview and each page of the full list stay
// within the 28 KB budget, show the most urgent items, and count the rest by kind.
import { describe, expect, it } from "vitest";
import { reminderListCard } from "../../../src/platform/bot/views/reminder-list";
import { digestCard, overviewCard } from "../../../src/platform/bot/views/reminders";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { type Translator, translator } from "../../../src/platform/i18n/translator";
import type { ReminderPayload } from "../../../src/platform/reminders/due-item";
import { MAX_CARD_BYTES, validateAdaptiveCard } from "../../support/adaptive-card-validator";
import { cardText, cardVerbs } from "../../support/bot";

const TOTAL = 5_000;
const PENDING = 1_000;
// The import allows 200 characters for a client's name, and in other scripts each takes 3 bytes:
// 25 such items no longer fit in one card.
const longClient = (i: number) => `Fabrikam ${i} 東京製作所・大阪物流センター・${"株式会社ファブリカム・マネージドサービス部門".repeat(10)}`.slice(0, 200);

function item(i: number): ReminderPayload {
  if (i < PENDING) {
    return {
      kind: "engagement.pending-approval",
      threshold: "sla",
      deadlineAt: new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString(),
      facts: { reference: `ENG-${100_000 + i}`, client: longClient(i), title: "Managed backup and disaster recovery" },
      dates: { requestedAt: new Date(Date.UTC(2026, 10, 18, 0, i)).toISOString() },
      fix: { verb: "engagement.open", data: { engagementId: `eng-${i}` }, titleKey: "reminders.fix.review" },
    };
  }
  return {
    kind: "billing.window-closing",
    threshold: "lastDay",
    deadlineAt: "2026-12-02T23:00:00.000Z",
    facts: { reference: `ENG-${200_000 + i}`, client: longClient(i), month: "2026-11", threshold: "lastDay" },
    dates: { lastMoment: "2026-12-02T22:59:00.000Z", monthStart: "2026-10-31T23:00:00.000Z" },
    fix: { verb: "billing.form", data: { engagementId: `eng-${i}`, month: "2026-11" }, titleKey: "reminders.fix.add-entry" },
  };
}

// Shuffled, so the cards must find the most urgent themselves.
const items = Array.from({ length: TOTAL }, (_, i) => item((i * 7_919) % TOTAL));

const reading = { now: new Date("2026-11-25T10:00:00Z"), organisationTimeZone: "Europe/Paris" };

describe.each(LOCALES)(`${TOTAL.toLocaleString("en")} reminders in %s`, (locale) => {
  const t = translator(locale, "Europe/Paris");

  it("make a digest within the card budget: the most urgent items, the rest counted by kind, a button to the full list", () => {
    const card = digestCard(t, items, { team: false }, reading);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const text = cardText(card);
    expect(text).toContain("ENG-100000");
    expect(text).not.toContain("ENG-2");
    const shown = (text.match(/ENG-1\d{5}/g) ?? []).length;
    expect(shown).toBeGreaterThan(5);
    const parts = [
      t.t("reminders.count.billing.window-closing", { count: TOTAL - PENDING }),
      t.t("reminders.count.engagement.pending-approval", { count: PENDING - shown }),
    ];
    const breakdown = new Intl.ListFormat(locale, { style: "long", type: "unit" }).format(parts);
    expect(text).toContain(t.t("reminders.digest.moreByKind", { count: TOTAL - shown, breakdown }));
    expect(cardVerbs(card)).toContain("reminders.list");
  });

  it("make an overview within the card budget with the same button", () => {
    const card = overviewCard(t, { due: items, preferences: [], ...reading });
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(cardVerbs(card)).toContain("reminders.list");
    expect(cardText(card)).not.toContain(t.t("reminders.overview.none"));
  });

  it("show any page of the full list within the card budget, and the last page for an offset past the end", () => {
    const last = reminderListCard(t, items, 4_990, reading);
    for (const card of [reminderListCard(t, items, 0, reading), reminderListCard(t, items, 2_480, reading), last])
      expect(validateAdaptiveCard(card)).toEqual([]);
    expect(cardText(reminderListCard(t, items, 0, reading))).toContain("ENG-100000");
    expect(cardText(last)).toContain(t.t("reminders.list.range", { from: 4_981, to: TOTAL, total: TOTAL }));
    expect(listAction(t, last, "next")).toBeUndefined();
    expect(cardText(reminderListCard(t, items, 1_000_000, reading))).toContain(t.t("reminders.list.range", { from: 4_981, to: TOTAL, total: TOTAL }));
  });

  it("page from the first item to the last, each once, most urgent first", () => {
    const some = items.slice(0, 130);
    const seen: string[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined && seen.length <= some.length) {
      const card = reminderListCard(t, some, offset, reading);
      seen.push(...(cardText(card).match(/ENG-\d{6}/g) ?? []));
      offset = listAction(t, card, "next");
    }
    expect(seen).toHaveLength(some.length);
    expect(new Set(seen).size).toBe(some.length);
    const pendingFirst = seen.findIndex((reference) => reference.startsWith("ENG-2"));
    expect(seen.slice(pendingFirst).every((reference) => reference.startsWith("ENG-2"))).toBe(true);
  });
});

/** The offset the list card's "previous" or "next" button carries, if it has one. */
function listAction(t: Translator, card: unknown, which: "previous" | "next"): number | undefined {
  const title = t.t(`reminders.list.${which}`);
  let offset: number | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const action = node as { type?: string; title?: string; verb?: string; data?: { offset?: number } };
      if (action.type === "Action.Execute" && action.verb === "reminders.list" && action.title === title) offset = action.data?.offset;
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return offset;
}
