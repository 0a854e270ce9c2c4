// Card data is client-controlled: these rules pin what a forged or replayed Action.Execute can
// never do. A second tenant's admin aims every write verb at the first tenant's records; users
// of the first tenant try work outside their role; automatic refreshes try to write.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BillingEntry } from "../../src/workflows/engagements/domain/billing";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { applyBillingDecision } from "../../src/workflows/engagements/store/billing-decisions";
import { findBillingEntry, insertBillingEntry, listBillingEntries } from "../../src/workflows/engagements/store/billing";
import { findEngagement, insertEngagement, listEngagementEvents } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation, type Organisation, setUserRole } from "../../src/platform/store/organisations";
import { BILLING_WINDOW_KIND } from "../../src/workflows/engagements/deadlines/billing-window";
import { PENDING_APPROVAL_KIND } from "../../src/workflows/engagements/deadlines/pending-approval";
import { listReminderPreferences, muteReminders } from "../../src/platform/store/reminder-preferences";
import { cardText, startTestBot, type TestBot, type TestUser } from "../support/bot";
import { TABLES } from "../support/tables";

// Day 2 of November: October's window is still open, so a forged submission would otherwise land.
const now = new Date("2026-11-02T10:00:00Z");
const RIVAL_TENANT_ID = "tenant-rival";
const goodInputs = { quantity: "10", unit: "hour", unitCost: "12.50", currency: "EUR", month: "2026-10", notes: "forged" };

let bot: TestBot;
let rival: Organisation;
let outsider: TestUser;
let viewer: TestUser;
let billing: TestUser;
let approver: TestUser;
let pending: Engagement;
let approved: Engagement;
let closing: Engagement;
let rejectedEntry: BillingEntry;
let rivalApproved: Engagement;

async function storeEngagement(organisationId: string, reference: string, state: Engagement["state"]): Promise<Engagement> {
  const engagement: Engagement = {
    id: `eng-${reference}-${randomUUID().slice(0, 8)}`,
    organisationId,
    externalId: `ext-${reference}`,
    reference,
    title: `Confidential ${reference}`,
    clientName: "Fabrikam",
    productName: "Managed firewall",
    requestedAt: new Date("2026-09-01T08:00:00Z"),
    state,
    version: 1,
  };
  await bot.database.db.$transaction((tx) =>
    insertEngagement(tx, {
      engagement,
      events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Vendor portal import" }, engagement.requestedAt)],
    }),
  );
  return engagement;
}

async function storeRejectedEntry(engagement: Engagement): Promise<BillingEntry> {
  const entry: BillingEntry = {
    id: randomUUID(),
    organisationId: engagement.organisationId,
    engagementId: engagement.id,
    reference: `${engagement.reference}-B1`,
    usageMonth: "2026-10",
    quantity: "10",
    unit: "hour",
    unitCost: "12.50",
    currency: "EUR",
    amount: "125.00",
    state: "submitted",
    submittedAt: new Date("2026-11-01T09:00:00Z"),
    submittedById: billing.aadObjectId,
    submittedByName: billing.name,
    idempotencyKey: `${engagement.id}:seed`,
  };
  await insertBillingEntry(bot.database.db, entry);
  const decision = { outcome: "rejected", decisionId: `dec-${entry.id}`, decidedAt: now, reason: "Bill in days" } as const;
  await applyBillingDecision(bot.database.db, {
    organisationId: entry.organisationId,
    entry: { billingEntryId: entry.id },
    decision,
    source: "http",
    receivedAt: now,
  });
  return (await findBillingEntry(bot.database.db, entry.organisationId, entry.id)) as BillingEntry;
}

/** Everything a forged click could change in the first tenant, to compare before and after. */
async function snapshot() {
  const { db } = bot.database;
  const organisationId = bot.organisation.id;
  const engagements = await Promise.all([pending, approved, closing].map((e) => findEngagement(db, organisationId, e.id)));
  const events = await Promise.all([pending, approved, closing].map((e) => listEngagementEvents(db, organisationId, e.id)));
  const entries = await listBillingEntries(db, organisationId, approved.id);
  const preferences = await listReminderPreferences(db, organisationId, billing.aadObjectId);
  return { engagements, events: events.map((list) => list.length), entries, preferences };
}

function formData(engagementId: string, extra: Record<string, unknown> = {}) {
  return { engagementId, nonce: randomUUID(), supersedesId: "", ...goodInputs, ...extra };
}

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => now } });
  viewer = await bot.user("viewer", "Victor Viewer");
  billing = await bot.user("billing", "Bea Billing");
  approver = await bot.user("approver", "Ana Approver");
  pending = await storeEngagement(bot.organisation.id, "ENG-7001", "pending");
  approved = await storeEngagement(bot.organisation.id, "ENG-7002", "approved");
  closing = await storeEngagement(bot.organisation.id, "ENG-7003", "completion_requested");
  rejectedEntry = await storeRejectedEntry(approved);
  await muteReminders(bot.database.db, { organisationId: bot.organisation.id, aadObjectId: billing.aadObjectId, kind: BILLING_WINDOW_KIND });

  // An admin of another tenant: every permission there, none here.
  rival = await ensureOrganisation(bot.database.db, RIVAL_TENANT_ID, { name: "Rival Partners", timeZone: "UTC" });
  const rivalAdmin = await setUserRole(bot.database.db, { organisationId: rival.id, aadObjectId: "aad-rival-admin", name: "Mallory", role: "admin" });
  outsider = { ...rivalAdmin, teamsUserId: "29:aad-rival-admin" };
  rivalApproved = await storeEngagement(rival.id, "ENG-7002", "approved");
});

afterAll(async () => bot?.stop());

const asOutsider = (verb: string, data: Record<string, unknown>) => bot.invoke(outsider, verb, data, { tenantId: RIVAL_TENANT_ID });

describe("another organisation's admin aiming card actions at this organisation's records", () => {
  it("is told the record does not exist for every engagement, billing and completion verb, and nothing changes", async () => {
    const before = await snapshot();
    const attempts: [string, Record<string, unknown>][] = [
      ["engagement.open", { engagementId: pending.id }],
      ["engagement.approve", { engagementId: pending.id }],
      ["engagement.reject", { engagementId: pending.id, reason: "forged" }],
      ["engagement.billing", { engagementId: approved.id }],
      ["billing.form", { engagementId: approved.id, month: "2026-10" }],
      ["billing.correct", { entryId: rejectedEntry.id }],
      ["billing.review", formData(approved.id)],
      ["billing.edit", formData(approved.id)],
      ["billing.submit", formData(approved.id)],
      ["billing.submit", formData(approved.id, { supersedesId: rejectedEntry.id })],
      ["completion.open", { engagementId: closing.id }],
      ["completion.approve", { engagementId: closing.id }],
      ["completion.reject", { engagementId: closing.id, reason: "forged" }],
    ];
    for (const [verb, data] of attempts) {
      const { status, body } = await asOutsider(verb, data);
      expect(status, verb).toBe(200);
      expect(body.type, verb).toBe("application/vnd.microsoft.activity.message");
      expect(String(body.value), verb).toMatch(/does not exist in your organisation/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("cannot correct this organisation's rejected entry from an engagement of its own", async () => {
    const submit = await asOutsider("billing.submit", formData(rivalApproved.id, { supersedesId: rejectedEntry.id }));
    expect(String(submit.body.value)).toMatch(/does not exist in your organisation/);
    const review = await asOutsider("billing.review", formData(rivalApproved.id, { supersedesId: rejectedEntry.id }));
    expect(cardText(review.body.value)).not.toContain(rejectedEntry.reference);
    expect(await listBillingEntries(bot.database.db, rival.id, rivalApproved.id)).toEqual([]);
    expect((await findBillingEntry(bot.database.db, bot.organisation.id, rejectedEntry.id))?.supersededById).toBeUndefined();
  });

  it("mutes and snoozes reminders in its own organisation only, even with this organisation's user id", async () => {
    const sameId = { ...outsider, aadObjectId: billing.aadObjectId, teamsUserId: billing.teamsUserId };
    const before = await listReminderPreferences(bot.database.db, bot.organisation.id, billing.aadObjectId);
    await bot.invoke(sameId, "reminders.unmute", { kind: BILLING_WINDOW_KIND }, { tenantId: RIVAL_TENANT_ID });
    await bot.invoke(sameId, "reminders.snooze", { kind: PENDING_APPROVAL_KIND }, { tenantId: RIVAL_TENANT_ID });
    expect(await listReminderPreferences(bot.database.db, bot.organisation.id, billing.aadObjectId)).toEqual(before);
    expect((await listReminderPreferences(bot.database.db, rival.id, billing.aadObjectId)).map((p) => p.kind).sort()).toEqual(
      [BILLING_WINDOW_KIND, PENDING_APPROVAL_KIND].sort(),
    );
  });

  it("never sees this organisation's records in answers to typed questions", async () => {
    bot.connector.clear();
    for (const text of ["status ENG-7001", "what is pending?", "which submissions are waiting for the vendor?", "reminders"]) {
      await bot.sendMessage(outsider, text, { tenantId: RIVAL_TENANT_ID });
    }
    await bot.connector.waitFor((activities) => activities.length >= 4);
    const said = bot.connector.activities.map((a) => `${a.activity.text ?? ""}\n${cardText(a.activity.attachments?.[0]?.content)}`).join("\n");
    for (const secret of [pending.id, pending.title, closing.title, rejectedEntry.reference]) expect(said).not.toContain(secret);
  });
});

describe("users acting outside their role", () => {
  it("refuses a viewer's billing submission and an approver's, whatever the card data claims", async () => {
    const before = await snapshot();
    for (const user of [viewer, approver]) {
      const { body } = await bot.invoke(user, "billing.submit", formData(approved.id, { role: "billing", actor: billing.aadObjectId }));
      expect(cardText(body.value)).toMatch(/does not allow this/);
      const form = await bot.invoke(user, "billing.form", { engagementId: approved.id });
      expect(cardText(form.body.value)).toMatch(/does not allow this/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a billing user's or a viewer's engagement and completion decisions", async () => {
    const before = await snapshot();
    for (const [role, user] of [
      ["billing", billing],
      ["viewer", viewer],
    ] as const) {
      for (const [verb, data] of [
        ["engagement.approve", { engagementId: pending.id, role: "approver" }],
        ["engagement.reject", { engagementId: pending.id, reason: "no" }],
        ["completion.approve", { engagementId: closing.id }],
        ["completion.reject", { engagementId: closing.id, reason: "no" }],
      ] as const) {
        const { body } = await bot.invoke(user, verb, data);
        expect(cardText(body.value), `${role} ${verb}`).toMatch(/does not allow this/);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("forged form values from a billing user", () => {
  /** The values a choice list offers, and the one it shows as chosen. */
  function choiceSet(card: unknown, id: string): { value: unknown; choices: string[] } {
    const found: { value?: unknown; choices?: { value: string }[] }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if (record.type === "Input.ChoiceSet" && record.id === id) found.push(record);
        else Object.values(record).forEach(walk);
      }
    };
    walk(card);
    return { value: found[0]?.value, choices: (found[0]?.choices ?? []).map((choice) => choice.value) };
  }

  it("refuses a currency outside BILLING_CURRENCIES on submit, saves nothing, and never offers it back", async () => {
    const before = await snapshot();
    const { status, body } = await bot.invoke(billing, "billing.submit", formData(approved.id, { currency: "JPY" }));
    expect(status).toBe(200);
    expect(cardText(body.value)).toContain("JPY is not a currency this organisation bills in: choose one of EUR, USD, GBP, IDR.");
    expect(choiceSet(body.value, "currency")).toEqual({ value: "", choices: ["EUR", "USD", "GBP", "IDR"] });
    expect(await snapshot()).toEqual(before);
  });

  it("re-shows a forged review with only the allowed units, currencies and open months as choices", async () => {
    const forged = formData(approved.id, { unit: "parsec", currency: "jpy", month: "2026-12" });
    const { body } = await bot.invoke(billing, "billing.review", forged);
    expect(cardText(body.value)).toMatch(
      /Choose a unit from the list[\s\S]*JPY is not a currency this organisation bills in[\s\S]*December 2026 has not started yet/,
    );
    expect(choiceSet(body.value, "unit").value).toBe("");
    expect(choiceSet(body.value, "unit").choices).not.toContain("parsec");
    expect(choiceSet(body.value, "currency")).toEqual({ value: "", choices: ["EUR", "USD", "GBP", "IDR"] });
    expect(choiceSet(body.value, "month")).toEqual({ value: "", choices: ["2026-10", "2026-11"] });
    expect(JSON.stringify(body.value)).not.toMatch(/JPY"|parsec"|2026-12"/);
  });

  it("takes an allowed currency however it is written", async () => {
    const { body } = await bot.invoke(billing, "billing.review", formData(approved.id, { currency: " usd " }));
    expect(cardText(body.value)).toMatch(/Check, then [\s\S]*\$125\.00/);
  });
});

describe("automatic refreshes and unknown verbs", () => {
  it("never runs a write verb on an automatic refresh, even for an admin", async () => {
    const admin = await bot.user("admin", "Ada Admin");
    const before = await snapshot();
    const writeVerbs = [...TABLES.actions].filter(([, action]) => action.writes).map(([verb]) => verb);
    expect(writeVerbs).toEqual(expect.arrayContaining(["engagement.approve", "billing.submit", "completion.approve", "reminders.mute"]));
    const data = { ...formData(approved.id), kind: BILLING_WINDOW_KIND, reason: "refresh" };
    for (const verb of writeVerbs) {
      const target = verb.startsWith("engagement.") ? pending.id : verb.startsWith("completion.") ? closing.id : approved.id;
      const { body } = await bot.invoke(admin, verb, { ...data, engagementId: target }, { trigger: "automatic" });
      expect(String(body.value), verb).toMatch(/no longer works/);
    }
    expect(await snapshot()).toEqual(before);
    expect(await listReminderPreferences(bot.database.db, bot.organisation.id, admin.aadObjectId)).toEqual([]);
  });

  it("answers a verb named after an object's built-in properties with words, not an error", async () => {
    for (const verb of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const { status, body } = await bot.invoke(approver, verb, { engagementId: pending.id });
      expect(status, verb).toBe(200);
      expect(body.type, verb).toBe("application/vnd.microsoft.activity.message");
      expect(String(body.value), verb).toMatch(/no longer works/);
    }
  });
});
