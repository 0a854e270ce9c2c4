// Billing submissions and vendor decisions happen once, enforced by the database the vitest
// project names (SQLite or PostgreSQL), however many writers race.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VendorDecision } from "../../src/workflows/engagements/domain/billing";
import { type BillingDraft, checkBillingDraft } from "../../src/workflows/engagements/domain/billing-draft";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import type { Actor } from "../../src/platform/domain/roles";
import { findBillingEntry, listBillingEntries, listOverdueBillingEntries } from "../../src/workflows/engagements/store/billing";
import { applyBillingDecision } from "../../src/workflows/engagements/store/billing-decisions";
import { type BillingSubmissionCommand, submitBillingOnce } from "../../src/workflows/engagements/store/billing-submissions";
import { findEngagement, insertEngagement, listEngagementEvents } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";

const now = new Date("2026-11-02T10:00:00Z");
let database: TestDatabase;
let organisationId: string;
let engagementCount = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  organisationId = (await ensureOrganisation(database.db, "tenant-billing", { timeZone: "UTC" })).id;
});

afterAll(async () => database?.destroy());

async function approvedEngagement(): Promise<Engagement> {
  engagementCount += 1;
  const engagement: Engagement = {
    id: `eng-${engagementCount}`,
    organisationId,
    externalId: `ext-${engagementCount}`,
    reference: `ENG-${1000 + engagementCount}`,
    title: "Managed backup",
    clientName: "Contoso",
    productName: "Backup as a service",
    requestedAt: new Date("2026-09-01T09:00:00Z"),
    state: "approved",
    version: 1,
  };
  await database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "approved", { aadObjectId: "aad-bo", name: "Bo" }, engagement.requestedAt)] }),
  );
  return engagement;
}

const billingUser = (i = 0): Actor => ({ organisationId, aadObjectId: `aad-billing-${i}`, name: `Billing ${i}`, role: "billing" });

function draft(quantity = "10"): BillingDraft {
  const checked = checkBillingDraft(
    { quantity, unit: "hour", unitCost: "12.50", currency: "EUR", month: "2026-10" },
    { engagement: { state: "approved", reference: "ENG-1" }, timeZone: "UTC", now, currencies: ["EUR"] },
  );
  if (!checked.ok) throw new Error("bad draft");
  return checked.value;
}

function command(engagement: Engagement, formNonce: string, overrides: Partial<BillingSubmissionCommand> = {}): BillingSubmissionCommand {
  return { actor: billingUser(), engagementId: engagement.id, draft: draft(), formNonce, timeZone: "UTC", now, ...overrides };
}

async function historyOf(engagement: Engagement): Promise<string[]> {
  return (await listEngagementEvents(database.db, organisationId, engagement.id)).map((e) => e.action);
}

describe("submitting billing entries", () => {
  it("makes exactly one entry and one history line out of 20 concurrent submits of one form", async () => {
    const engagement = await approvedEngagement();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submitBillingOnce(database.db, command(engagement, "form-a", { actor: billingUser(i) }))),
    );
    expect(outcomes.filter((o) => o.kind === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "duplicate")).toHaveLength(19);
    const ids = new Set(outcomes.map((o) => (o.kind === "refused" ? "refused" : o.entry.id)));
    expect(ids.size).toBe(1);
    expect(await listBillingEntries(database.db, organisationId, engagement.id)).toHaveLength(1);
    expect(await historyOf(engagement)).toEqual(["approved", "billing_submitted"]);
    expect((await findEngagement(database.db, organisationId, engagement.id))?.version).toBe(2);
  });

  it("keeps every one of 10 different forms sent at once, each with its own reference and history line", async () => {
    const engagement = await approvedEngagement();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => submitBillingOnce(database.db, command(engagement, `form-${i}`, { draft: draft(String(i + 1)) }))),
    );
    expect(outcomes.every((o) => o.kind === "created")).toBe(true);
    const entries = await listBillingEntries(database.db, organisationId, engagement.id);
    expect(entries.map((e) => e.reference).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `${engagement.reference}-B${i + 1}`).sort());
    const events = await listEngagementEvents(database.db, organisationId, engagement.id);
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it("answers a re-sent form with the entry it made, even after the vendor decided it", async () => {
    const engagement = await approvedEngagement();
    const first = await submitBillingOnce(database.db, command(engagement, "form-replay"));
    if (first.kind !== "created") throw new Error(first.kind);
    await applyBillingDecision(database.db, decisionFor(first.entry.id, { outcome: "rated", decisionId: "dec-replay", decidedAt: now }));
    const again = await submitBillingOnce(database.db, command(engagement, "form-replay"));
    expect(again).toMatchObject({ kind: "duplicate", entry: { id: first.entry.id, state: "rated" } });
  });

  it("refuses entries for an engagement that is not approved, and saves nothing", async () => {
    const engagement = await approvedEngagement();
    await database.db.engagement.update({ where: { id: engagement.id }, data: { state: "pending" } });
    expect(await submitBillingOnce(database.db, command(engagement, "form-pending"))).toMatchObject({ kind: "refused", refusal: { code: "not_billable" } });
    expect(await listBillingEntries(database.db, organisationId, engagement.id)).toEqual([]);
  });

  it("does not find another organisation's engagement", async () => {
    const engagement = await approvedEngagement();
    const stranger = { ...billingUser(), organisationId: "another-org" };
    expect(await submitBillingOnce(database.db, command(engagement, "form-x", { actor: stranger }))).toMatchObject({
      kind: "refused",
      refusal: { code: "not_found" },
    });
  });

  it("lets a rejected entry be corrected once, by a new submission linking it", async () => {
    const engagement = await approvedEngagement();
    const first = await submitBillingOnce(database.db, command(engagement, "form-wrong"));
    if (first.kind !== "created") throw new Error(first.kind);
    await applyBillingDecision(
      database.db,
      decisionFor(first.entry.id, { outcome: "rejected", decisionId: "dec-wrong", decidedAt: now, reason: "unit should be days" }),
    );
    const corrections = await Promise.all(
      ["fix-1", "fix-2", "fix-3"].map((nonce) => submitBillingOnce(database.db, command(engagement, nonce, { supersedesId: first.entry.id }))),
    );
    expect(corrections.filter((o) => o.kind === "created")).toHaveLength(1);
    expect(corrections.filter((o) => o.kind === "refused").map((o) => o.kind === "refused" && o.refusal.code)).toEqual([
      "already_resubmitted",
      "already_resubmitted",
    ]);
    const rejected = await findBillingEntry(database.db, organisationId, first.entry.id);
    const created = corrections.find((o) => o.kind === "created");
    expect(rejected?.supersededById).toBe(created?.kind === "created" ? created.entry.id : "none");
  });
});

function decisionFor(billingEntryId: string, decision: VendorDecision) {
  return { organisationId, entry: { billingEntryId }, decision, source: "http" as const, receivedAt: now };
}

describe("the vendor's decisions", () => {
  it("applies a decision once, with one history line and one notification, however often it is delivered", async () => {
    const engagement = await approvedEngagement();
    const submitted = await submitBillingOnce(database.db, command(engagement, "form-rate"));
    if (submitted.kind !== "created") throw new Error(submitted.kind);
    const notified: string[] = [];
    const decision: VendorDecision = { outcome: "rated", decisionId: "dec-rate", decidedAt: now, ratedAmount: "120.5" };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        applyBillingDecision(database.db, {
          ...decisionFor(submitted.entry.id, decision),
          onApplied: async (_tx, entry) => void notified.push(entry.id),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.outcome === "decided")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "unchanged")).toHaveLength(9);
    expect(notified).toEqual([submitted.entry.id]);
    expect(await findBillingEntry(database.db, organisationId, submitted.entry.id)).toMatchObject({
      state: "rated",
      decision: { decisionId: "dec-rate", ratedAmount: "120.50", ratedCurrency: "EUR", source: "http" },
    });
    expect(await historyOf(engagement)).toEqual(["approved", "billing_submitted", "billing_rated"]);
  });

  it("finds the entry by the submission reference the vendor quotes", async () => {
    const engagement = await approvedEngagement();
    const submitted = await submitBillingOnce(database.db, command(engagement, "form-ref"));
    if (submitted.kind !== "created") throw new Error(submitted.kind);
    const outcome = await applyBillingDecision(database.db, {
      ...decisionFor("unused", { outcome: "rejected", decisionId: "dec-ref", decidedAt: now, reason: "duplicate usage" }),
      entry: { submissionReference: submitted.entry.reference },
      source: "import",
    });
    expect(outcome).toMatchObject({ outcome: "decided", record: { entry: { state: "rejected", decision: { reason: "duplicate usage", source: "import" } } } });
  });

  it("refuses a decision contradicting the recorded one, and a decision id reused for another entry", async () => {
    const engagement = await approvedEngagement();
    const a = await submitBillingOnce(database.db, command(engagement, "form-a"));
    const b = await submitBillingOnce(database.db, command(engagement, "form-b"));
    if (a.kind !== "created" || b.kind !== "created") throw new Error("setup");
    await applyBillingDecision(database.db, decisionFor(a.entry.id, { outcome: "rated", decisionId: "dec-a", decidedAt: now }));
    const contradiction = await applyBillingDecision(
      database.db,
      decisionFor(a.entry.id, { outcome: "rejected", decisionId: "dec-a2", decidedAt: now, reason: "no" }),
    );
    expect(contradiction).toMatchObject({ outcome: "refused", refusal: { code: "already_decided" } });
    const reused = await applyBillingDecision(database.db, decisionFor(b.entry.id, { outcome: "rated", decisionId: "dec-a", decidedAt: now }));
    expect(reused).toMatchObject({ outcome: "refused", refusal: { code: "decision_id_reused" } });
    expect((await findBillingEntry(database.db, organisationId, b.entry.id))?.state).toBe("submitted");
  });

  it("answers not_found for an unknown entry", async () => {
    expect(await applyBillingDecision(database.db, decisionFor("no-such-entry", { outcome: "rated", decisionId: "dec-none", decidedAt: now }))).toEqual({
      outcome: "not_found",
    });
  });

  it("rolls the decision back when the transaction's notification step fails", async () => {
    const engagement = await approvedEngagement();
    const submitted = await submitBillingOnce(database.db, command(engagement, "form-outbox"));
    if (submitted.kind !== "created") throw new Error(submitted.kind);
    const failing = applyBillingDecision(database.db, {
      ...decisionFor(submitted.entry.id, { outcome: "rated", decisionId: "dec-outbox", decidedAt: now }),
      onApplied: async () => {
        throw new Error("outbox unavailable");
      },
    });
    await expect(failing).rejects.toThrow("outbox unavailable");
    expect((await findBillingEntry(database.db, organisationId, submitted.entry.id))?.state).toBe("submitted");
    expect(await historyOf(engagement)).toEqual(["approved", "billing_submitted"]);
  });
});

describe("overdue submissions", () => {
  it("lists entries still unrated 24 hours after submission, and not decided ones", async () => {
    const engagement = await approvedEngagement();
    const waiting = await submitBillingOnce(database.db, command(engagement, "form-wait"));
    const decided = await submitBillingOnce(database.db, command(engagement, "form-done"));
    if (waiting.kind !== "created" || decided.kind !== "created") throw new Error("setup");
    await applyBillingDecision(database.db, decisionFor(decided.entry.id, { outcome: "rated", decisionId: "dec-done", decidedAt: now }));
    const dayLater = new Date(now.getTime() + 24 * 3600_000);
    const overdue = (await listOverdueBillingEntries(database.db, organisationId, dayLater)).filter((e) => e.engagementId === engagement.id);
    expect(overdue.map((e) => e.id)).toEqual([waiting.entry.id]);
    const early = await listOverdueBillingEntries(database.db, organisationId, new Date(dayLater.getTime() - 1));
    expect(early.some((e) => e.engagementId === engagement.id)).toBe(false);
  });
});
