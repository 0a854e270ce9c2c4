// Usage reports end to end through /api/messages, on SQLite and PostgreSQL: open a report card,
// edit and save a draft, field problems kept in the card, Submit refused while a discrepancy has
// no comment, comment and submit once under 20 concurrent clicks, the distributor's rejection
// shown next to its lines, the correction and the approval; two people editing one report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../../../src/platform/store/audit";
import type { UsageReport } from "../../../../src/workflows/usage-reports/domain/report";
import { recordDecision } from "../../../../src/workflows/usage-reports/store/commands";
import { USAGE_REPORT_RECORD_KIND, findReport } from "../../../../src/workflows/usage-reports/store/reports";
import { cardText, cardVerbs, startTestBot, type TestBot, type TestUser } from "../../../support/bot";
import { mspAccount, openReport } from "../store/fixtures";

let bot: TestBot;
let ana: TestUser;
let budi: TestUser;
let viewer: TestUser;
let now = new Date("2026-12-02T09:00:00Z");
const opened = new Date("2026-12-01T00:30:00Z");
let cycles = 0;

async function report(): Promise<UsageReport> {
  cycles += 1;
  const account = await mspAccount(bot.database.db, bot.organisation.id);
  return openReport(bot.database.db, account, { openedAt: opened, cycle: `2026-${String(cycles).padStart(2, "0")}`, timeZone: "UTC", now });
}

type Card = Record<string, unknown>;
const card = (body: { value: unknown }) => body.value as Card;

/** The Action.Execute data of a card's button, as Teams sends it back with the inputs typed. */
function action(value: unknown, verb: string): Record<string, unknown> {
  const actions = (value as { actions?: { verb?: string; data?: Record<string, unknown> }[] }).actions ?? [];
  const found = actions.find((candidate) => candidate.verb === verb);
  if (!found?.data) throw new Error(`no ${verb} on the card: ${cardVerbs(value).join(", ")}`);
  return found.data;
}

const history = async (id: string) => (await listAudit(bot.database.db, bot.organisation.id, USAGE_REPORT_RECORD_KIND, id)).map((entry) => entry.action);

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: () => now } });
  ana = await bot.user("billing", "Ana Billing");
  budi = await bot.user("billing", "Budi Billing");
  viewer = await bot.user("viewer", "Victor Viewer");
});

afterAll(async () => bot?.stop());

describe("usage reports in Teams", () => {
  it("opens a report with its discrepancy first, in red with a warning sign, and the auto-submission date", async () => {
    const r = await report();
    const { status, body } = await bot.invoke(ana, "usageReport.open", { reportId: r.id });
    expect(status).toBe(200);
    const text = cardText(card(body));
    expect(text).toMatch(/Submits automatically in 3 days, on Dec 5, 2026 at 11:59 PM UTC$/m);
    expect(text).toMatch(/⚠ More units provisioned than chargeable/);
    expect(text.indexOf("Product 0001")).toBeLessThan(text.indexOf("Product 0002"));
    expect(cardVerbs(card(body))).toEqual(expect.arrayContaining(["usageReport.save", "usageReport.submit"]));
    const forViewer = await bot.invoke(viewer, "usageReport.open", { reportId: r.id });
    expect(cardVerbs(card(forViewer.body))).not.toContain("usageReport.save");
  });

  it("saves a draft, and keeps invalid typed values in the card with the problem next to the field", async () => {
    const r = await report();
    const opened = await bot.invoke(ana, "usageReport.open", { reportId: r.id });
    const form = action(card(opened.body), "usageReport.save");
    const saved = await bot.invoke(ana, "usageReport.save", { ...form, billable_0: "9", comment_0: "One seat moved to December" });
    expect(cardText(card(saved.body))).toMatch(/Draft saved/);
    expect((await findReport(bot.database.db, bot.organisation.id, r.id))?.lines[0]).toMatchObject({
      billableUnits: "9",
      comment: "One seat moved to December",
    });
    const again = action(card(saved.body), "usageReport.save");
    const invalid = await bot.invoke(ana, "usageReport.save", { ...again, billable_0: "-3", comment_0: "typed but not saved" });
    const text = cardText(card(invalid.body));
    expect(text).toMatch(/units cannot be negative/);
    expect(text).toContain("-3");
    expect(text).toContain("typed but not saved");
    expect(await history(r.id)).toEqual(["opened", "draft_saved"]);
  });

  it("refuses Submit while a discrepancy has no comment, then submits once under 20 concurrent clicks", async () => {
    const r = await report();
    const opened = await bot.invoke(ana, "usageReport.open", { reportId: r.id });
    const form = action(card(opened.body), "usageReport.submit");
    const refused = await bot.invoke(ana, "usageReport.submit", { ...form, comment_0: "" });
    expect(cardText(card(refused.body))).toMatch(/A discrepancy needs a comment before you submit: Product 0001 has 10 provisioned and 8 chargeable/);
    expect((await findReport(bot.database.db, bot.organisation.id, r.id))?.state).toBe("in_preparation");
    const clicks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bot.invoke(i % 2 ? budi : ana, "usageReport.submit", { ...form, comment_0: "Two seats cancelled on 28 Nov" })),
    );
    expect(clicks.every((click) => click.status === 200)).toBe(true);
    expect(clicks.filter((click) => cardText(card(click.body)).includes("Submitted for the distributor's review"))).toHaveLength(1);
    expect(await history(r.id)).toEqual(["opened", "submitted"]);
    const stored = await findReport(bot.database.db, bot.organisation.id, r.id);
    expect(stored?.state).toBe("in_review");
    expect(await bot.database.db.organisationEvent.count({ where: { type: "usage.report.submitted", payload: { contains: r.id } } })).toBe(1);
    // Read-only now, for everyone.
    const after = await bot.invoke(ana, "usageReport.open", { reportId: r.id });
    expect(cardVerbs(card(after.body))).not.toContain("usageReport.submit");
    expect(cardText(card(after.body))).toMatch(/Submitted by (Ana|Budi) Billing on/);
  });

  it("shows the distributor's rejection next to its lines, takes the correction and the approval", async () => {
    const r = await report();
    const opened = await bot.invoke(ana, "usageReport.open", { reportId: r.id });
    await bot.invoke(ana, "usageReport.submit", { ...action(card(opened.body), "usageReport.submit"), comment_0: "Cancelled" });
    now = new Date("2026-12-02T10:00:00Z");
    const rejection = {
      decisionId: `D-${r.id}`,
      platformReportId: r.platformReportId,
      outcome: "rejected" as const,
      lineNotes: [{ lineId: "L0001", note: "Attach the cancellation ticket" }],
    };
    expect((await recordDecision(bot.database.db, bot.organisation.id, rejection, now)).kind).toBe("changed");
    const rejected = await bot.invoke(ana, "usageReport.open", { reportId: r.id });
    const text = cardText(card(rejected.body));
    expect(text).toMatch(/Rejected by Northwind Distribution/);
    expect(text).toMatch(/Distributor's note: Attach the cancellation ticket/);
    const corrected = await bot.invoke(ana, "usageReport.submit", {
      ...action(card(rejected.body), "usageReport.submit"),
      comment_0: "Cancelled, ticket 4411",
    });
    expect(cardText(card(corrected.body))).toMatch(/Submitted for the distributor's review/);
    now = new Date("2026-12-02T11:00:00Z");
    const approval = { decisionId: `A-${r.id}`, platformReportId: r.platformReportId, outcome: "approved" as const };
    expect((await recordDecision(bot.database.db, bot.organisation.id, approval, now)).kind).toBe("changed");
    const approved = await bot.invoke(viewer, "usageReport.open", { reportId: r.id });
    expect(cardText(card(approved.body))).toMatch(/Status: Approved/);
    expect(await history(r.id)).toEqual(["opened", "submitted", "rejected", "submitted", "approved"]);
    now = new Date("2026-12-02T09:00:00Z");
  });

  it("shows the second of two editors who changed their line meanwhile, keeping their typed values", async () => {
    const r = await report();
    const forAna = action(card((await bot.invoke(ana, "usageReport.open", { reportId: r.id })).body), "usageReport.save");
    const forBudi = action(card((await bot.invoke(budi, "usageReport.open", { reportId: r.id })).body), "usageReport.save");
    await bot.invoke(ana, "usageReport.save", { ...forAna, billable_0: "9", comment_0: "Ana's reason" });
    const second = await bot.invoke(budi, "usageReport.save", { ...forBudi, billable_0: "7", comment_0: "Budi's reason" });
    const text = cardText(card(second.body));
    expect(text).toMatch(/Ana Billing changed 1 line \(Product 0001\)/);
    expect(text).toMatch(/Ana Billing changed this line .* 9 chargeable - "Ana's reason"/);
    expect(text).toContain("Budi's reason");
    // Having seen it, Budi's next save keeps his values.
    const resaved = await bot.invoke(budi, "usageReport.save", {
      ...action(card(second.body), "usageReport.save"),
      billable_0: "7",
      comment_0: "Budi's reason",
    });
    expect(cardText(card(resaved.body))).toMatch(/Draft saved/);
    expect((await findReport(bot.database.db, bot.organisation.id, r.id))?.lines[0]).toMatchObject({ billableUnits: "7", comment: "Budi's reason" });
  });

  it("refuses a viewer's save, re-checking the role on the server", async () => {
    const r = await report();
    const form = action(card((await bot.invoke(ana, "usageReport.open", { reportId: r.id })).body), "usageReport.save");
    const refused = await bot.invoke(viewer, "usageReport.save", { ...form, comment_0: "sneaky" });
    expect(cardText(card(refused.body))).toMatch(/can read usage reports but not change them/);
    expect(await history(r.id)).toEqual(["opened"]);
  });

  it("answers a report from another organisation as not found", async () => {
    const { body } = await bot.invoke(ana, "usageReport.open", { reportId: "not-a-report" });
    expect(JSON.stringify(body)).toMatch(/does not exist in your organisation/);
  });
});
