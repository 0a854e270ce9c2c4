// A notification's stored payload holds facts; each reader sees them in their own language
// and zone when it is delivered.
import { describe, expect, it } from "vitest";
import { translator } from "../../../src/platform/i18n/translator";
import { renderNotification } from "../../../src/platform/reminders/notifications";

const rated = {
  messageKey: "billing.notification.rated",
  titleKey: "billing.notification.titleRated",
  values: {
    entry: "ENG-3001-B1",
    reference: "ENG-3001",
    month: { type: "month", month: "2026-10" },
    amount: { type: "money", amount: "1187.50", currency: "EUR" },
  },
  open: { verb: "engagement.billing", data: { engagementId: "eng-1" }, titleKey: "billing.notification.open" },
};

describe("renderNotification", () => {
  it("renders the same stored decision in each reader's language", () => {
    expect(renderNotification("billing.decision", rated, translator("en", "UTC"))?.text).toBe(
      "The vendor rated ENG-3001-B1 (ENG-3001, October 2026) at €1,187.50.",
    );
    expect(renderNotification("billing.decision", rated, translator("fr", "Europe/Paris"))?.text).toBe(
      "Le fournisseur a tarifé ENG-3001-B1 (ENG-3001, octobre 2026) à 1\u202f187,50\u00a0€.",
    );
    expect(renderNotification("billing.decision", rated, translator("id", "Asia/Jakarta"))).toMatchObject({
      title: "Entri penagihan dinilai",
      text: "Vendor menilai ENG-3001-B1 (ENG-3001, Oktober 2026) sebesar €1.187,50.",
      open: { verb: "engagement.billing", title: "Buka penagihan" },
    });
  });

  it("shows a request date as the day it is in the reader's zone", () => {
    const payload = {
      messageKey: "billing.notification.completionRequested",
      values: { client: "Fabrikam", reference: "ENG-3001", title: "Backup", requestedAt: { type: "date", at: "2026-11-02T23:30:00Z" } },
    };
    expect(renderNotification("billing.completion-request", payload, translator("en", "America/New_York"))?.text).toMatch(
      /ENG-3001 \(Backup\) on Nov 2, 2026\./,
    );
    expect(renderNotification("billing.completion-request", payload, translator("fr", "Europe/Paris"))?.text).toMatch(/ENG-3001 \(Backup\) le 3 nov\. 2026\./);
  });

  it("cannot render a payload whose facts are malformed", () => {
    const bad = { ...rated, values: { ...rated.values, amount: { type: "money", amount: "12,50", currency: "EUR" } } };
    expect(renderNotification("billing.decision", bad, translator("en"))).toBeUndefined();
  });
});
