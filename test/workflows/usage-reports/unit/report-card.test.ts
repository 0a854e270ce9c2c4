// The report card: valid Adaptive Cards 1.5 in every language, a 500-line report paged within
// Teams' 28 KB with the lines needing attention first, and a rejected report's notes beside
// their lines.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../../src/platform/i18n/locale";
import { translator } from "../../../../src/platform/i18n/translator";
import { usageReportCard } from "../../../../src/workflows/usage-reports/views/report";
import { validateAdaptiveCard } from "../../../support/adaptive-card-validator";
import { cardText, cardVerbs } from "../../../support/bot";
import { account } from "./fixtures";
import { longReport, usageReportCardSamples } from "./card-samples";

const now = new Date("2026-12-02T09:00:00Z");
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), "utf8");

describe("the usage report card", () => {
  describe.each(LOCALES)("in %s", (locale) => {
    const t = translator(locale, "Europe/Paris");
    it.each(Object.keys(usageReportCardSamples))("%s is a valid card within 28 KB", (name) => {
      for (const card of usageReportCardSamples[name]?.(t) ?? []) {
        expect(validateAdaptiveCard(card)).toEqual([]);
        expect(bytes(card)).toBeLessThan(28 * 1024);
      }
    });
  });

  it("renders a 500-line report under 28 KB, one page of lines, uncommented discrepancies first", () => {
    const t = translator("en", "Europe/Paris");
    const card = usageReportCard({ report: longReport(500), account, t, organisationTimeZone: "Europe/Paris", now, canEdit: true });
    expect(bytes(card)).toBeLessThan(28 * 1024);
    const text = cardText(card);
    expect(text).toMatch(/500 lines, 72 discrepancies, 36 without a comment/);
    expect(text).toMatch(/Lines 1-20 of 500/);
    // Page 1 holds only uncommented discrepancies (there are 36 of them).
    expect(text.match(/⚠ More units provisioned than chargeable/g)).toHaveLength(20);
    expect(cardVerbs(card)).toEqual(expect.arrayContaining(["usageReport.save", "usageReport.submit", "usageReport.open"]));
  });

  it("shows the auto-submission moment in the organisation's zone", () => {
    const t = translator("fr", "Asia/Jakarta");
    const card = usageReportCard({ report: longReport(3), account, t, organisationTimeZone: "Europe/Paris", now, canEdit: true });
    expect(cardText(card)).toContain("Soumission automatique dans 3 jours, le 5 déc. 2026 à 23:59 Europe/Paris");
  });

  it("shows a rejected report's notes next to their lines", () => {
    const t = translator("en", "UTC");
    const card = usageReportCardSamples["usage-report"]?.(t)[2];
    expect(cardText(card)).toMatch(/Rejected by Northwind Distribution on .*: Storage does not match/);
    expect(cardText(card)).toMatch(/Product|Microsoft 365[^\n]*\n[^\n]*\n[^\n]*\nDistributor's note: Explain the 2.25 GB-months/);
  });
});
