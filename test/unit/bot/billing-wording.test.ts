// Until the vendor link exists, an entry added in Teams is recorded here and waits for the
// vendor: no card may tell a partner it "was submitted" (read: the vendor has it), in any
// language, wherever the entry shows: the notice, the entries view, the history, the reminder.
import { describe, expect, it } from "vitest";
import { billingEntriesCard, billingReviewCard } from "../../../src/workflows/engagements/views/billing";
import { engagementCard } from "../../../src/workflows/engagements/views/engagements";
import type { BillingEntry } from "../../../src/workflows/engagements/domain/billing";
import { checkBillingDraft } from "../../../src/workflows/engagements/domain/billing-draft";
import type { Engagement } from "../../../src/workflows/engagements/domain/engagements";
import { type Locale, LOCALES } from "../../../src/platform/i18n/locale";
import { translator } from "../../../src/platform/i18n/translator";
import { cardText } from "../../support/bot";
import { engagementRequest } from "../../support/fixtures";

const now = new Date("2026-11-02T10:00:00Z");
const engagement: Engagement = engagementRequest("org-1", "ENG-1042", { id: "eng-1", state: "approved", version: 3 });
const entry: BillingEntry = {
  id: "entry-1",
  organisationId: "org-1",
  engagementId: "eng-1",
  reference: "ENG-1042-B1",
  usageMonth: "2026-10",
  quantity: "10",
  unit: "hour",
  unitCost: "12.50",
  currency: "EUR",
  amount: "125.00",
  state: "submitted",
  submittedAt: new Date("2026-11-02T09:00:00Z"),
  submittedById: "aad-bea",
  submittedByName: "Bea",
  idempotencyKey: "eng-1:n",
};

/** What each language says about an entry waiting for the vendor, and words it must not use. */
const WORDING: Record<Locale, { recorded: RegExp; notice: string; button: string; history: string; never: RegExp }> = {
  en: {
    recorded: /Recorded, waiting for the vendor/,
    notice: "ENG-1042-B1 is recorded, waiting for the vendor.",
    button: "Record the entry",
    history: "Billing entry recorded by Bea",
    never: /submit/i,
  },
  fr: {
    recorded: /Enregistrée, en attente du fournisseur/,
    notice: "ENG-1042-B1 est enregistrée, en attente du fournisseur.",
    button: "Enregistrer l’entrée",
    history: "Entrée de facturation enregistrée par Bea",
    never: /soumi/i,
  },
  id: {
    recorded: /Tercatat, menunggu vendor/,
    notice: "ENG-1042-B1 sudah tercatat dan menunggu vendor.",
    button: "Catat entri",
    history: "Entri tagihan dicatat oleh Bea",
    never: /dikirim|diajukan|kirim ke/i,
  },
};

describe.each(LOCALES)("an entry waiting for the vendor, in %s", (locale) => {
  const t = translator(locale, "UTC");
  const words = WORDING[locale];

  it("is recorded in the notice and the entries view, never submitted", () => {
    const notice = { text: t.t("billing.notice.submitted", { entry: entry.reference }), style: "good" as const };
    const text = cardText(billingEntriesCard({ engagement, entries: [entry], t, now, canAdd: true, notice }));
    expect(text).toContain(words.notice);
    expect(text).toMatch(words.recorded);
    expect(text).not.toMatch(words.never);
  });

  it("is recorded by the review step's button and in the history", () => {
    const draft = checkBillingDraft(
      { quantity: "10", unit: "hour", unitCost: "12.50", currency: "EUR", month: "2026-10" },
      { engagement, timeZone: "UTC", now, currencies: ["EUR"] },
    );
    if (!draft.ok) throw new Error("draft refused");
    const review = cardText(billingReviewCard({ engagement, t, identity: { engagementId: "eng-1", nonce: "n0000000", supersedesId: "" }, draft: draft.value }));
    expect(review).toContain(words.button);
    expect(review).not.toMatch(words.never);
    const history = [
      {
        engagementId: "eng-1",
        organisationId: "org-1",
        sequence: 4,
        at: now,
        action: "billing_submitted",
        actorName: "Bea",
        details: { reference: entry.reference },
      },
    ];
    expect(cardText(engagementCard({ engagement, t, view: "history", canDecide: false, history }))).toContain(words.history);
  });

  it("is recorded in the unrated-entry reminder", () => {
    const line = t.t("reminders.item.billing.unrated", { entry: entry.reference, reference: "ENG-1042", client: "Fabrikam", submittedAt: entry.submittedAt });
    expect(line).not.toMatch(words.never);
  });
});
