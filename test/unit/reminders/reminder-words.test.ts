// How a reminder's deadline reads: a relative day ("today", "tomorrow") on the reader's
// calendar plus a time, in the reader's zone, and in the organisation's too when a reader in
// Paris gets the reminder of an organisation on UTC; the zone is named when it is not known to
// be the reader's own. The snooze confirmation reads the same way.
import { describe, expect, it } from "vitest";
import { reminderItemView, snoozedValues } from "../../../src/platform/bot/views/reminders";
import { translator } from "../../../src/platform/i18n/translator";
import type { ReminderPayload } from "../../../src/platform/reminders/due-item";

// November 2026 in an organisation on UTC: the window closes when 2 December ends there.
const novemberWindow: ReminderPayload = {
  kind: "billing.window-closing",
  threshold: "oneDay",
  deadlineAt: "2026-12-03T00:00:00.000Z",
  facts: { reference: "ENG-2001", client: "Tailspin Toys", month: "2026-11" },
  dates: { lastMoment: "2026-12-02T23:59:00.000Z", monthStart: "2026-11-01T00:00:00.000Z" },
};
const onUtc = (now: string) => ({ now: new Date(now), organisationTimeZone: "UTC" });
const text = (t: ReturnType<typeof translator>, now: string) => reminderItemView(t, novemberWindow, onUtc(now)).text;

describe("the billing window reminder", () => {
  it("says tomorrow and the time alone to a reader on the organisation's clock", () => {
    expect(text(translator("en", "UTC", "reader"), "2026-12-01T08:00:00Z")).toBe(
      "ENG-2001 · Tailspin Toys: no billing entry for November 2026. The window closes tomorrow at 11:59 PM.",
    );
    expect(text(translator("en", "UTC", "reader"), "2026-12-02T08:00:00Z")).toMatch(/The window closes today at 11:59 PM\.$/);
    expect(text(translator("en", "UTC", "reader"), "2026-11-29T08:00:00Z")).toMatch(/The window closes on Dec 2, 2026 at 11:59 PM\.$/);
  });

  it("names the zone when the reader's own is unknown", () => {
    expect(text(translator("en", "UTC", "organisation"), "2026-12-01T08:00:00Z")).toMatch(/The window closes tomorrow at 11:59 PM UTC\.$/);
    expect(text(translator("fr", "UTC", "organisation"), "2026-12-01T08:00:00Z")).toMatch(/La fenêtre se ferme demain à 23:59 UTC\.$/);
    expect(text(translator("id", "UTC", "organisation"), "2026-12-01T08:00:00Z")).toMatch(/Jendela ditutup besok pukul 23\.59 UTC\.$/);
  });

  it("reads in Paris for a reader in Paris, counting days there, and says the organisation's moment too", () => {
    // 08:00 UTC on 1 December is 09:00 in Paris; 23:59 UTC on 2 December is 00:59 on the 3rd there.
    expect(text(translator("en", "Europe/Paris", "reader"), "2026-12-01T08:00:00Z")).toBe(
      "ENG-2001 · Tailspin Toys: no billing entry for November 2026. The window closes on Dec 3, 2026 at 12:59 AM (Dec 2, 2026, 11:59 PM UTC, your organisation's time zone).",
    );
    expect(text(translator("fr", "Europe/Paris", "reader"), "2026-12-02T08:00:00Z")).toBe(
      "ENG-2001 · Tailspin Toys : aucune saisie de facturation pour novembre 2026. La fenêtre se ferme demain à 00:59 (2 déc. 2026, 23:59 UTC, fuseau horaire de votre organisation).",
    );
  });
});

describe("the snooze confirmation", () => {
  const now = new Date("2026-12-01T09:17:00Z");
  const until = new Date("2026-12-02T09:17:00Z");

  it("says tomorrow and the time in the reader's zone, never the date twice", () => {
    const t = translator("en", "Europe/Paris", "reader");
    expect(t.t("reminders.snoozed", snoozedValues(t, "Billing windows closing", until, now))).toBe(
      "Billing windows closing: snoozed until tomorrow at 10:17 AM.",
    );
  });

  it("names the organisation's zone for a reader whose zone is unknown", () => {
    const t = translator("en", "UTC", "organisation");
    expect(t.t("reminders.snoozed", snoozedValues(t, "Billing windows closing", until, now))).toBe(
      "Billing windows closing: snoozed until tomorrow at 9:17 AM UTC.",
    );
  });
});
