// Billing, deadline and reminder questions end to end, at a fixed "now" (25 November 2026,
// 10:00 UTC, organisation in UTC): the answers come from the billing window rule, the billing
// store and the reminder sources, in the language the question was written in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BillingEntry } from "../../src/workflows/engagements/domain/billing";
import type { Engagement, EngagementState } from "../../src/workflows/engagements/domain/engagements";
import type { Locale } from "../../src/platform/i18n/locale";
import { translator } from "../../src/platform/i18n/translator";
import { monthName } from "../../src/platform/bot/intents/suggestions";
import { insertBillingEntry } from "../../src/workflows/engagements/store/billing";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import type { CapturedActivity } from "../support/connector";
import { cardText, startTestBot, type TestBot, type TestUser } from "../support/bot";
import { engagementRequest, insertImported } from "../support/fixtures";

const NOW = new Date("2026-11-25T10:00:00Z");
let bot: TestBot;
let billing: TestUser;

async function engagement(reference: string, state: EngagementState, organisationId = bot.organisation.id): Promise<Engagement> {
  return insertImported(
    bot.database.db,
    engagementRequest(organisationId, reference, { id: `id-${reference}-${organisationId.slice(0, 6)}`, state }),
    "Import",
  );
}

async function submission(on: Engagement, reference: string, submittedAt: Date): Promise<void> {
  const entry: BillingEntry = {
    id: `entry-${reference}`,
    organisationId: on.organisationId,
    engagementId: on.id,
    reference,
    usageMonth: "2026-10",
    quantity: "12",
    unit: "user",
    unitCost: "40.00",
    currency: "EUR",
    amount: "480.00",
    state: "submitted",
    submittedAt,
    submittedById: "aad-billing",
    submittedByName: "Bea Billing",
    idempotencyKey: `key-${reference}`,
  };
  await bot.database.db.$transaction((tx) => insertBillingEntry(tx, entry));
}

async function ask(user: TestUser, text: string): Promise<CapturedActivity["activity"]> {
  bot.connector.clear();
  const response = await bot.sendMessage(user, text, { locale: "en-US" });
  expect(response.status).toBe(200);
  const [reply] = await bot.connector.waitFor((activities) => activities.length >= 1);
  return reply!.activity;
}

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => NOW } });
  billing = await bot.user("billing", "Bea Billing");
  await engagement("ENG-3001", "pending");
  const approved = await engagement("ENG-3002", "approved");
  await submission(approved, "ENG-3002-B1", new Date("2026-11-23T09:00:00Z"));
  await submission(approved, "ENG-3002-B2", new Date("2026-11-25T08:00:00Z"));
  const other = await ensureOrganisation(bot.database.db, "tenant-other", { name: "Other Partner", timeZone: "UTC" });
  await submission(await engagement("ENG-3999", "approved", other.id), "ENG-3999-B1", new Date("2026-11-23T09:00:00Z"));
});

afterAll(async () => bot?.stop());

const questions: Record<Locale, { closed: string; open: string; future: string; unrated: string; week: string; reminders: string }> = {
  en: {
    closed: "when does the October billing window close?",
    open: "is the november billing window still open",
    future: "billing window for next december",
    unrated: "which billing submissions are not rated yet?",
    week: "anything due this week?",
    reminders: "what reminders do I have?",
  },
  fr: {
    closed: "quand se ferme la fenêtre de facturation d'octobre ?",
    open: "la fenêtre de facturation de novembre est-elle ouverte ?",
    future: "fenêtre de facturation décembre prochain",
    unrated: "quelles soumissions l'éditeur n'a pas encore tarifées ?",
    week: "quelles échéances cette semaine ?",
    reminders: "quels sont mes rappels ?",
  },
  id: {
    closed: "kapan jendela penagihan Oktober ditutup?",
    open: "apakah jendela penagihan november masih buka",
    future: "jendela penagihan desember depan",
    unrated: "pengajuan penagihan mana yang belum dinilai vendor?",
    week: "apa yang jatuh tempo minggu ini?",
    reminders: "pengingat apa saja yang saya punya?",
  },
};

describe.each(["en", "fr", "id"] as const)("asking in %s", (locale) => {
  const t = translator(locale, "UTC");
  const q = questions[locale];
  const window = (month: number, closesAt: string) => ({
    month: monthName(t, { year: 2026, month }),
    lastMoment: t.formatDateTime(new Date(new Date(closesAt).getTime() - 60_000)),
    zones: "same",
  });

  it("says October's billing window closed at the end of 2 November", async () => {
    const reply = await ask(billing, q.closed);
    expect(reply.text).toBe(
      t.t("conversation.billingWindow.closed", { ...window(10, "2026-11-03T00:00:00Z"), opensAt: t.formatDate(new Date("2026-10-01T00:00:00Z")) }),
    );
  });

  it("says November's window is open, until when and how many days are left", async () => {
    const reply = await ask(billing, q.open);
    expect(reply.text).toBe(t.t("conversation.billingWindow.open", { ...window(11, "2026-12-03T00:00:00Z"), days: 7 }));
  });

  it("says next December has not begun and when its window opens", async () => {
    const reply = await ask(billing, q.future);
    expect(reply.text).toBe(
      t.t("conversation.billingWindow.future", { ...window(12, "2027-01-03T00:00:00Z"), opensAt: t.formatDate(new Date("2026-12-01T00:00:00Z")) }),
    );
  });

  it("lists the organisation's submissions awaiting the vendor, flagging the overdue one", async () => {
    const reply = await ask(billing, q.unrated);
    expect(reply.text).toContain(t.t("conversation.awaitingRating.intro", { count: 2, more: "no" }));
    expect(reply.text).toContain(
      t.t("conversation.awaitingRating.line", {
        entry: "ENG-3002-B1",
        title: "Managed service ENG-3002",
        submittedAt: t.formatDateTime(new Date("2026-11-23T09:00:00Z")),
        overdue: "yes",
      }),
    );
    expect(reply.text).toContain(
      t.t("conversation.awaitingRating.line", {
        entry: "ENG-3002-B2",
        title: "Managed service ENG-3002",
        submittedAt: t.formatDateTime(new Date("2026-11-25T08:00:00Z")),
        overdue: "no",
      }),
    );
    expect(reply.text).not.toContain("ENG-3999");
  });

  it("lists the week's deadlines: the approval past its SLA and the unrated submissions", async () => {
    const reply = await ask(billing, q.week);
    expect(reply.text).toContain(t.t("conversation.deadlines.intro", { range: "week", count: 3, shown: 3 }));
    expect(reply.text).toContain("ENG-3001");
    expect(reply.text).toContain("ENG-3002-B1");
    expect(reply.text).toContain("ENG-3002-B2");
    expect(reply.text).not.toContain("ENG-3999");
  });

  it("answers reminders with the reminders overview card", async () => {
    const reply = await ask(billing, q.reminders);
    expect(cardText(reply.attachments?.[0]?.content)).toContain(t.t("reminders.overview.title"));
  });
});

describe("Indonesian typed in chat abbreviations, from a user whose Teams speaks English", () => {
  const t = translator("id", "UTC");

  it('answers "batas waktu tagihan bulan november kapan ya" with November\'s window, in Indonesian', async () => {
    const reply = await ask(billing, "batas waktu tagihan bulan november kapan ya");
    const lastMoment = t.formatDateTime(new Date("2026-12-02T23:59:00Z"));
    expect(reply.text).toBe(t.t("conversation.billingWindow.open", { month: monthName(t, { year: 2026, month: 11 }), lastMoment, zones: "same", days: 7 }));
  });

  it('answers "submission mana aja yg blm di-rate vendor" in Indonesian', async () => {
    const reply = await ask(billing, "submission mana aja yg blm di-rate vendor");
    expect(reply.text).toContain(t.t("conversation.awaitingRating.intro", { count: 2, more: "no" }));
  });

  it('answers "gmn status eng 3002" with the engagement\'s card in Indonesian', async () => {
    const reply = await ask(billing, "gmn status eng 3002");
    expect(cardText(reply.attachments?.[0]?.content)).toContain(t.t("engagement.state.approved"));
  });
});
