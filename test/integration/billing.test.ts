// Billing end to end on the real server: the add-entry form opened from the engagement card,
// validation inside the card, the review step, a double submit, the vendor's rating through
// POST /api/v1/billing-decisions, the submitter's notice at the stand-in connector, then the
// client's completion request and the approver's decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { runImport } from "../../src/platform/import/run-import";
import { reminderCycleDeps } from "../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../src/platform/reminders/scheduler";
import { findBillingEntryByReference, listBillingEntries } from "../../src/workflows/engagements/store/billing";
import { findEngagement, insertEngagement, listEngagementEvents } from "../../src/workflows/engagements/store/engagements";
import { validateAdaptiveCard } from "../support/adaptive-card-validator";
import { cardText, cardVerbs, startTestBot, TEST_TENANT_ID, type TestBot, type TestUser } from "../support/bot";
import { IMPORT_FORMAT } from "../support/tables";
import { actionData } from "../support/billing-submit";

const VENDOR_API_KEY = "vendor-key-0123456789-abcdef";
// Day 2 of November: both October (closing tonight) and November can be billed.
const now = new Date("2026-11-02T10:00:00Z");
// The bot's clock; one test moves it on past the last billing window.
let clockNow = now;
let bot: TestBot;
let billing: TestUser;
let approver: TestUser;
let engagement: Engagement;

type Card = Record<string, unknown>;

beforeAll(async () => {
  bot = await startTestBot({ env: { VENDOR_API_KEY }, app: { clock: () => clockNow } });
  billing = await bot.user("billing", "Bea Billing");
  approver = await bot.user("approver", "Ana Approver");
  engagement = await approvedEngagement("ENG-3001", "ext-3001");
});

afterAll(async () => bot?.stop());

async function approvedEngagement(reference: string, externalId: string): Promise<Engagement> {
  const approved: Engagement = {
    id: `eng-${externalId}`,
    organisationId: bot.organisation.id,
    externalId,
    reference,
    title: "Managed backup",
    clientName: "Fabrikam",
    productName: "Backup as a service",
    requestedAt: new Date("2026-09-01T08:00:00Z"),
    state: "approved",
    version: 1,
  };
  await bot.database.db.$transaction((tx) =>
    insertEngagement(tx, {
      engagement: approved,
      events: [eventFor(approved, "approved", { aadObjectId: "aad-x", name: "Ana Approver" }, approved.requestedAt)],
    }),
  );
  return approved;
}

async function click(user: TestUser, verb: string, data: Record<string, unknown>): Promise<Card> {
  const { status, body } = await bot.invoke(user, verb, data);
  expect(status).toBe(200);
  expect(body.type, JSON.stringify(body.value)).toBe("application/vnd.microsoft.card.adaptive");
  const card = body.value as Card;
  expect(validateAdaptiveCard(card)).toEqual([]);
  return card;
}

function choices(card: Card, inputId: string): string[] {
  const text = JSON.stringify(card);
  const match = new RegExp(`"id":"${inputId}"[^\\]]*"choices":\\[([^\\]]*)\\]`).exec(text);
  return [...(match?.[1] ?? "").matchAll(/"value":"([^"]+)"/g)].map((m) => m[1] as string);
}

function inputValue(card: Card, inputId: string): unknown {
  let value: unknown;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.id === inputId && typeof record.type === "string" && record.type.startsWith("Input.")) value = record.value;
    else Object.values(record).forEach(walk);
  };
  walk(card);
  return value;
}

function postApi(path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${VENDOR_API_KEY}` }) {
  return fetch(`${bot.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

const goodInputs = { quantity: "10", unit: "hour", unitCost: "12.50", currency: "EUR", month: "2026-10", notes: "October on-call" };

describe("billing entries from Teams", () => {
  let formData: Record<string, unknown>;
  let submitData: Record<string, unknown>;

  it("offers Billing and Add billing entry on an approved engagement's card, to a billing user", async () => {
    const card = await click(billing, "engagement.open", { engagementId: engagement.id });
    expect(cardVerbs(card)).toEqual(expect.arrayContaining(["engagement.billing", "billing.form"]));
    const forApprover = await click(approver, "engagement.open", { engagementId: engagement.id });
    expect(cardVerbs(forApprover)).not.toContain("billing.form");
  });

  it("opens the add-entry form with only the months still open, October first: its window closes tonight", async () => {
    const form = await click(billing, "billing.form", { engagementId: engagement.id });
    expect(choices(form, "month")).toEqual(["2026-10", "2026-11"]);
    expect(inputValue(form, "month")).toBe("2026-10");
    expect(cardText(form)).toContain("October 2026 can be billed until Monday, November 2, 2026 at 11:59 PM (UTC time).");
    formData = actionData(form, "billing.review");
    expect(formData).toMatchObject({ engagementId: engagement.id, supersedesId: "" });
    expect(String(formData.nonce)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("opens the form on the month a reminder's button names", async () => {
    expect(inputValue(await click(billing, "billing.form", { engagementId: engagement.id, month: "2026-11" }), "month")).toBe("2026-11");
  });

  it("shows a bad quantity inside the re-shown form, keeping the user's values, and saves nothing", async () => {
    const card = await click(billing, "billing.review", { ...formData, ...goodInputs, quantity: "0" });
    expect(cardText(card)).toMatch(/Please fix the fields marked below[\s\S]*The quantity must be more than 0/);
    expect(JSON.stringify(card)).toMatch(/"id":"unitCost"[^}]*"value":12\.5/);
    // Teams ignores associatedInputs: a submit with missing fields is checked on the server too.
    const missing = await click(billing, "billing.submit", { ...formData, unitCost: "12.50" });
    expect(cardText(missing)).toMatch(/Quantity is required[\s\S]*Usage month is required/);
    expect(await listBillingEntries(bot.database.db, bot.organisation.id, engagement.id)).toEqual([]);
  });

  it("shows the computed amount on the review step before anything is submitted", async () => {
    const review = await click(billing, "billing.review", { ...formData, ...goodInputs });
    expect(cardText(review)).toMatch(/Amount[\s\S]*€125\.00/);
    expect(cardVerbs(review)).toEqual(["billing.submit", "billing.edit"]);
    // Nothing reaches the vendor's portal from here yet: the button says what it does.
    expect(cardText(review)).toMatch(/Check, then record[\s\S]*Record the entry/);
    expect(cardText(review)).not.toMatch(/submit/i);
    submitData = actionData(review, "billing.submit");
    expect(await listBillingEntries(bot.database.db, bot.organisation.id, engagement.id)).toEqual([]);
  });

  it("makes one entry and one history line out of a double-clicked submit", async () => {
    const [first, second] = await Promise.all([bot.invoke(billing, "billing.submit", submitData), bot.invoke(billing, "billing.submit", submitData)]);
    const texts = [first, second].map((r) => cardText(r.body.value));
    expect(texts.filter((t) => /ENG-3001-B1 is recorded, waiting for the vendor/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /already recorded as ENG-3001-B1/.test(t))).toHaveLength(1);
    const entries = await listBillingEntries(bot.database.db, bot.organisation.id, engagement.id);
    expect(entries).toMatchObject([{ reference: "ENG-3001-B1", amount: "125.00", state: "submitted", submittedByName: "Bea Billing" }]);
    const history = await listEngagementEvents(bot.database.db, bot.organisation.id, engagement.id);
    expect(history.filter((e) => e.action === "billing_submitted")).toHaveLength(1);
  });

  it("lists the entries with their state and the month's total", async () => {
    const card = await click(billing, "engagement.billing", { engagementId: engagement.id });
    expect(cardText(card)).toMatch(/October 2026: €125\.00[\s\S]*ENG-3001-B1 · October 2026[\s\S]*Recorded, waiting for the vendor/);
  });
});

describe("the vendor's decision over HTTP", () => {
  const decision = {
    decisionId: "dec-9001",
    organisationTenantId: TEST_TENANT_ID,
    submissionReference: "ENG-3001-B1",
    outcome: "rated",
    ratedAmount: "120.00",
    currency: "EUR",
    decidedAt: "2026-11-02T11:00:00+01:00",
  };

  it("answers 401 without the API key or with a wrong one", async () => {
    expect((await postApi("/api/v1/billing-decisions", decision, {})).status).toBe(401);
    expect((await postApi("/api/v1/billing-decisions", decision, { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await postApi("/api/v1/billing-decisions", decision, { "x-api-key": `${VENDOR_API_KEY}x` })).status).toBe(401);
  });

  it("answers 400 naming the bad fields, and 404 for an unknown entry", async () => {
    const bad = await postApi("/api/v1/billing-decisions", { ...decision, outcome: "maybe", decidedAt: "yesterday" });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: object }).fields).sort()).toEqual(["decidedAt", "outcome"]);
    const noReason = await postApi("/api/v1/billing-decisions", { ...decision, decisionId: "dec-x", outcome: "rejected", ratedAmount: undefined });
    expect(noReason.status).toBe(400);
    const unknown = await postApi("/api/v1/billing-decisions", { ...decision, submissionReference: "ENG-3001-B99" });
    expect(unknown.status).toBe(404);
  });

  it("answers 400 naming decidedAt for a decision dated more than five minutes after the server's clock, and records nothing", async () => {
    // The bot's clock reads 10:00 UTC; 11:06 in Paris is 10:06 UTC.
    const future = await postApi("/api/v1/billing-decisions", { ...decision, decisionId: "dec-future", decidedAt: "2026-11-02T11:06:00+01:00" });
    expect(future.status).toBe(400);
    expect((await future.json()) as object).toMatchObject({ error: "invalid_request", fields: { decidedAt: expect.stringContaining("is in the future") } });
    expect((await findBillingEntryByReference(bot.database.db, bot.organisation.id, "ENG-3001-B1"))?.state).toBe("submitted");
  });

  it("rates the entry, answers a replay with the same result, and notifies the submitter once in Teams", async () => {
    await bot.post(bot.activity(billing, { type: "installationUpdate", action: "add", localTimezone: "Europe/Paris" }));
    const first = await postApi("/api/v1/billing-decisions", decision, { "x-api-key": VENDOR_API_KEY });
    expect(first.status).toBe(200);
    const body = (await first.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ submissionReference: "ENG-3001-B1", state: "rated", ratedAmount: "120.00", currency: "EUR", replayed: false });
    const replay = await postApi("/api/v1/billing-decisions", decision);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ ...body, replayed: true });
    const contradiction = await postApi("/api/v1/billing-decisions", { ...decision, decisionId: "dec-9002", outcome: "rejected", reason: "no" });
    expect(contradiction.status).toBe(409);

    bot.connector.clear();
    const deps = reminderCycleDeps({ ...bot.app.services, clock: () => now }, bot.app.adapter, { quietHours: undefined });
    await runReminderCycle(deps);
    await runReminderCycle(deps);
    const notices = bot.connector.activities.filter(
      (a) =>
        a.conversationId === `a:personal-${billing.aadObjectId}` &&
        /The vendor rated ENG-3001-B1 \(ENG-3001, October 2026\) at €120\.00\./.test(cardText(a.activity.attachments?.[0]?.content) + (a.activity.text ?? "")),
    );
    expect(notices).toHaveLength(1);
  });

  it("tells a French-speaking submitter in French, with the month in words and the amount as the French write it", async () => {
    const francoise = await bot.user("billing", "Françoise Facturation", "fr-FR");
    await bot.post(bot.activity(francoise, { type: "installationUpdate", action: "add", localTimezone: "Europe/Paris" }));
    const other = await approvedEngagement("ENG-3003", "ext-3003");
    const form = await click(francoise, "billing.form", { engagementId: other.id });
    const review = await click(francoise, "billing.review", { ...actionData(form, "billing.review"), ...goodInputs, unitCost: "118.75" });
    await click(francoise, "billing.submit", actionData(review, "billing.submit"));
    const rating = { ...decision, decisionId: "dec-9301", submissionReference: "ENG-3003-B1", ratedAmount: "1187.50" };
    expect((await postApi("/api/v1/billing-decisions", rating)).status).toBe(200);
    const stored = await bot.database.db.outboxMessage.findUniqueOrThrow({
      where: { dedupeKey: `billing-decision:${(await findBillingEntryByReference(bot.database.db, bot.organisation.id, "ENG-3003-B1"))?.id}` },
    });
    // The outbox keeps facts: the words are chosen at delivery, for whoever reads them.
    expect(JSON.parse(stored.payload)).toMatchObject({
      values: { month: { type: "month", month: "2026-10" }, amount: { type: "money", amount: "1187.50", currency: "EUR" } },
    });

    bot.connector.clear();
    await runReminderCycle(reminderCycleDeps({ ...bot.app.services, clock: () => now }, bot.app.adapter, { quietHours: undefined }));
    const notices = bot.connector.activities.filter((a) => a.conversationId === `a:personal-${francoise.aadObjectId}`);
    expect(notices).toHaveLength(1);
    const card = notices[0]?.activity.attachments?.[0]?.content;
    expect(cardText(card)).toContain("Entrée de facturation tarifée");
    expect(cardText(card)).toContain("Le fournisseur a tarifé ENG-3003-B1 (ENG-3003, octobre 2026) à 1\u202f187,50\u00a0€.");
    expect(cardVerbs(card)).toEqual(["engagement.billing"]);
  });
});

describe("correcting a rejected entry", () => {
  it("takes the vendor's rejection from the import and lets the user resubmit a corrected entry once", async () => {
    const other = await approvedEngagement("ENG-3002", "ext-3002");
    const form = await click(billing, "billing.form", { engagementId: other.id });
    const review = await click(billing, "billing.review", { ...actionData(form, "billing.review"), ...goodInputs });
    await click(billing, "billing.submit", actionData(review, "billing.submit"));
    const report = await runImport(
      IMPORT_FORMAT,
      bot.database.db,
      {
        version: 1,
        organisation: { tenantId: TEST_TENANT_ID, name: "Contoso Partners", timeZone: "UTC" },
        billingDecisions: [
          {
            decisionId: "dec-9101",
            submissionReference: "ENG-3002-B1",
            outcome: "rejected",
            reason: "Hours must be billed in days",
            decidedAt: "2026-11-02T10:00:00Z",
          },
        ],
      },
      now,
    );
    expect(report.ok && report.summary.sections.billingDecisions).toMatchObject({ updated: 1 });

    const list = await click(billing, "engagement.billing", { engagementId: other.id });
    expect(cardText(list)).toMatch(/Rejected on .*: Hours must be billed in days/);
    const rejected = await findBillingEntryByReference(bot.database.db, bot.organisation.id, "ENG-3002-B1");
    const correction = await click(billing, "billing.correct", { entryId: rejected?.id });
    expect(cardText(correction)).toMatch(/Correct ENG-3002-B1[\s\S]*Hours must be billed in days/);
    const correctedReview = await click(billing, "billing.review", {
      ...actionData(correction, "billing.review"),
      ...goodInputs,
      quantity: "1.25",
      unit: "day",
      unitCost: "100",
    });
    const done = await click(billing, "billing.submit", actionData(correctedReview, "billing.submit"));
    expect(cardText(done)).toMatch(/ENG-3002-B2 is recorded, waiting for the vendor[\s\S]*Corrects ENG-3002-B1/);
    expect(cardVerbs(done)).not.toContain("billing.correct");
  });
});

describe("completing the engagement", () => {
  it("answers 400 naming requestedAt for a completion request dated in the future, and changes nothing", async () => {
    const request = { organisationTenantId: TEST_TENANT_ID, engagementExternalId: "ext-3001", requestedAt: "2026-11-02T10:05:01Z" };
    const future = await postApi("/api/v1/completion-requests", request);
    expect(future.status).toBe(400);
    expect((await future.json()) as object).toMatchObject({ fields: { requestedAt: expect.stringContaining("accepts times at most 5 minutes ahead") } });
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("approved");
  });

  it("turns the client's completion request into an approver's card, and completes the engagement", async () => {
    await bot.post(bot.activity(approver, { type: "installationUpdate", action: "add", localTimezone: "Europe/Paris" }));
    const request = await postApi("/api/v1/completion-requests", {
      organisationTenantId: TEST_TENANT_ID,
      engagementExternalId: "ext-3001",
      requestedAt: "2026-11-02T09:00:00Z",
      requestedBy: "Jane (Fabrikam)",
    });
    expect(request.status).toBe(200);
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("completion_requested");
    bot.connector.clear();
    await runReminderCycle(reminderCycleDeps({ ...bot.app.services, clock: () => now }, bot.app.adapter, { quietHours: undefined }));
    const notice = bot.connector.activities.find(
      (a) =>
        a.conversationId === `a:personal-${approver.aadObjectId}` && /Fabrikam asked to close ENG-3001/.test(cardText(a.activity.attachments?.[0]?.content)),
    );
    // The client's request date, as the day it was in the approver's zone.
    expect(cardText(notice?.activity.attachments?.[0]?.content)).toContain("Fabrikam asked to close ENG-3001 (Managed backup) on Nov 2, 2026.");
    expect(cardVerbs(notice?.activity.attachments?.[0]?.content)).toContain("completion.open");

    const asBilling = await click(billing, "completion.approve", { engagementId: engagement.id });
    expect(cardText(asBilling)).toMatch(/does not allow this/);
    const card = await click(approver, "completion.open", { engagementId: engagement.id });
    expect(cardText(card)).toMatch(/Fabrikam asked to close ENG-3001[\s\S]*Requested by Jane \(Fabrikam\)/);
    expect(cardVerbs(card)).toEqual(expect.arrayContaining(["completion.approve", "completion.reject"]));
    const done = await click(approver, "completion.approve", { engagementId: engagement.id });
    expect(cardText(done)).toMatch(/You marked ENG-3001 complete/);
    expect(cardVerbs(done)).not.toContain("completion.approve");
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("completed");
    const history = (await listEngagementEvents(bot.database.db, bot.organisation.id, engagement.id)).map((e) => e.action);
    expect(history.slice(-2)).toEqual(["completion_requested", "completed"]);
  });

  it("keeps taking entries after completion for the months up to the completion month, while their windows are open", async () => {
    // Completed on 2 November: October's window closes tonight, November's on 2 December.
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.completedAt).toEqual(now);
    expect(cardVerbs(await click(billing, "engagement.open", { engagementId: engagement.id }))).toContain("billing.form");
    expect(cardVerbs(await click(billing, "engagement.billing", { engagementId: engagement.id }))).toContain("billing.form");
    const form = await click(billing, "billing.form", { engagementId: engagement.id });
    expect(choices(form, "month")).toEqual(["2026-10", "2026-11"]);
    const review = await click(billing, "billing.review", { ...actionData(form, "billing.review"), ...goodInputs, month: "2026-11", notes: "Last days" });
    expect(cardText(await click(billing, "billing.submit", actionData(review, "billing.submit")))).toMatch(/ENG-3001-B2/);
    expect((await listBillingEntries(bot.database.db, bot.organisation.id, engagement.id)).map((e) => e.usageMonth)).toContain("2026-11");
  });

  it("takes no entry once the completion month's window has closed, on the card, the form and the submit", async () => {
    const form = await click(billing, "billing.form", { engagementId: engagement.id });
    const review = await click(billing, "billing.review", { ...actionData(form, "billing.review"), ...goodInputs, month: "2026-11" });
    clockNow = new Date("2026-12-03T00:00:00Z");
    try {
      expect(cardVerbs(await click(billing, "engagement.open", { engagementId: engagement.id }))).not.toContain("billing.form");
      expect(cardVerbs(await click(billing, "engagement.billing", { engagementId: engagement.id }))).not.toContain("billing.form");
      const refused = await click(billing, "billing.form", { engagementId: engagement.id });
      expect(cardText(refused)).toMatch(/ENG-3001 is completed and the billing windows of its last months have closed/);
      const late = await click(billing, "billing.submit", actionData(review, "billing.submit"));
      expect(cardText(late)).toMatch(/Billing for November 2026 closed/);
      expect(await listBillingEntries(bot.database.db, bot.organisation.id, engagement.id)).toHaveLength(2);
    } finally {
      clockNow = now;
    }
  });
});
