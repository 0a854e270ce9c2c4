// The add-entry form on the days two windows are open: the month closing first is preselected,
// and the form says when each window closes, in the organisation's zone, zone named.
import { describe, expect, it } from "vitest";
import { billingFormCard } from "../../../src/workflows/engagements/views/billing";
import { billableMonths } from "../../../src/workflows/engagements/domain/billing-eligibility";
import type { Engagement } from "../../../src/workflows/engagements/domain/engagements";
import { translator } from "../../../src/platform/i18n/translator";
import { cardText } from "../../support/bot";
import { engagementRequest } from "../../support/fixtures";

const engagement: Engagement = engagementRequest("org-1", "ENG-1042", { id: "eng-1", state: "approved", version: 3 });
const identity = { engagementId: "eng-1", nonce: "5c0a6f0e-0000-4000-8000-000000000000", supersedesId: "" };
const currencies = ["EUR", "USD"];

/** The form as a billing user in `readerZone` sees it at `now`, for an organisation in Paris. */
function form(now: Date, locale: "en" | "fr" | "id" = "en", readerZone = "Asia/Jakarta", values = {}) {
  const openMonths = billableMonths(engagement, "Europe/Paris", now);
  return billingFormCard({ engagement, t: translator(locale, readerZone), identity, values, openMonths, organisationTimeZone: "Europe/Paris", currencies });
}

function monthInput(card: object): { value: string; choices: string[] } {
  const found = JSON.stringify(card).match(/\{"type":"Input\.ChoiceSet","id":"month".*?"value":"([^"]*)","choices":\[(.*?)\]/);
  return { value: found?.[1] ?? "", choices: [...(found?.[2] ?? "").matchAll(/"value":"([^"]+)"/g)].map((m) => m[1] as string) };
}

describe("the add-entry form", () => {
  it("preselects October on 1 November, whose window closes tomorrow night, not November", () => {
    const card = form(new Date("2026-11-01T09:00:00Z"));
    expect(monthInput(card)).toEqual({ value: "2026-10", choices: ["2026-10", "2026-11"] });
  });

  it("says when each window closes as the organisation's clock reads it, naming the zone, whatever the reader's zone", () => {
    const text = cardText(form(new Date("2026-11-02T10:00:00Z")));
    expect(text).toContain("October 2026 can be billed until Monday, November 2, 2026 at 11:59 PM (Europe/Paris time).");
    expect(text).toContain("November 2026 can be billed until Wednesday, December 2, 2026 at 11:59 PM (Europe/Paris time).");
  });

  it("says it in French and Indonesian too", () => {
    expect(cardText(form(new Date("2026-11-02T10:00:00Z"), "fr"))).toContain(
      "Pour octobre 2026, la facturation reste ouverte jusqu’au lundi 2 novembre 2026 à 23:59 (fuseau Europe/Paris).",
    );
    expect(cardText(form(new Date("2026-11-02T10:00:00Z"), "id"))).toContain(
      "Oktober 2026 dapat ditagih sampai Senin, 02 November 2026 pukul 23.59 (zona waktu Europe/Paris).",
    );
  });

  it("offers only the current month from the 3rd in the organisation's zone, though it is still the 2nd in UTC", () => {
    const card = form(new Date("2026-11-02T23:30:00Z"));
    expect(monthInput(card)).toEqual({ value: "2026-11", choices: ["2026-11"] });
    expect(cardText(card)).not.toContain("October 2026");
  });

  it("keeps the month a reminder's button asked for", () => {
    expect(monthInput(form(new Date("2026-11-01T09:00:00Z"), "en", "UTC", { month: "2026-11" })).value).toBe("2026-11");
  });
});
