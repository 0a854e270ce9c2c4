// Planning vouchers end to end through /api/messages: "validate VCH-7781" typed in chat, then
// each step clicked on the card until the vendor's payment confirmation closes it, and the
// refusals a partner meets on the way (not eligible, expired, out of order, not an admin,
// another organisation's voucher). The bot's clock is pinned to 1 December 2026, 09:00 UTC.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clockStartingAt } from "../../../../src/platform/clock";
import { ensureOrganisation } from "../../../../src/platform/store/organisations";
import { findVoucherByTypedId, listVoucherHistory } from "../../../../src/workflows/planning-vouchers/store/vouchers";
import { createApiKey } from "../../../../src/platform/store/api-keys";
import { cardText, cardVerbs, startTestBot, TEST_TENANT_ID, type TestBot, type TestUser } from "../../../support/bot";
import { seedNow, seedStanding, seedVoucher, voucherRow } from "../support/seed";

let bot: TestBot;
let admin: TestUser;
let viewer: TestUser;
let otherVoucherId: string;

function lastCard(): Record<string, unknown> {
  const content = bot.connector.activities.at(-1)?.activity.attachments?.[0]?.content;
  if (!content) throw new Error(`last activity has no card: ${JSON.stringify(bot.connector.activities.at(-1)?.activity)}`);
  return content;
}

async function ask(user: TestUser, text: string): Promise<string> {
  bot.connector.clear();
  expect((await bot.sendMessage(user, text)).status).toBe(200);
  await bot.connector.waitFor((activities) => activities.length >= 1);
  const activity = bot.connector.activities.at(-1)?.activity;
  return activity?.attachments?.[0]?.content ? cardText(activity.attachments[0].content) : String(activity?.text ?? "");
}

async function click(user: TestUser, verb: string, data: Record<string, unknown>) {
  const response = await bot.invoke(user, verb, data);
  expect(response.status).toBe(200);
  const value = response.body.value;
  return { text: typeof value === "string" ? value : cardText(value), verbs: cardVerbs(value) };
}

function postPayment(key: string, body: unknown) {
  return fetch(`${bot.baseUrl}/api/v1/voucher-payments`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
}

async function voucherId(reference: string): Promise<string> {
  const voucher = await findVoucherByTypedId(bot.database.db, bot.organisation.id, reference);
  if (!voucher) throw new Error(`${reference} missing`);
  return voucher.id;
}

beforeAll(async () => {
  bot = await startTestBot({ app: { clock: clockStartingAt(seedNow) } });
  admin = await bot.user("admin", "Ana Admin");
  viewer = await bot.user("viewer", "Victor Viewer");
  const db = bot.database.db;
  await seedStanding(db, bot.organisation.id);
  await seedVoucher(db, bot.organisation.id, voucherRow(7781));
  await seedVoucher(db, bot.organisation.id, voucherRow(7790, { engagementTypeCode: "DDPS-CLOUD" }));
  await seedVoucher(db, bot.organisation.id, voucherRow(7791, { expiresOn: "2026-11-30" }));
  await seedVoucher(db, bot.organisation.id, voucherRow(7792));
  await seedVoucher(db, bot.organisation.id, voucherRow(7793));
  const other = await ensureOrganisation(db, "tenant-fabrikam", { name: "Fabrikam Partners", timeZone: "UTC" });
  await seedStanding(db, other.id);
  otherVoucherId = (await seedVoucher(db, other.id, voucherRow(7799))).id;
});

afterAll(async () => bot?.stop());

describe("a planning voucher from validation to payment", () => {
  it("validates VCH-7781 typed in chat, shows the eligibility and offers Reserve", async () => {
    const text = await ask(admin, "validate VCH-7781");
    expect(text).toContain("VCH-7781");
    expect(text).toContain("Eligible for Windows and Office Deployment Planning");
    expect(cardVerbs(lastCard())).toContain("voucher.reserve");
  });

  it("walks the voucher through every step, each recorded in its history, and the vendor's payment closes it", async () => {
    const id = await voucherId("VCH-7781");
    const reserved = await click(admin, "voucher.reserve", { voucherId: id, administratorEmail: "SA.Admin@contoso.example", termsAccepted: "true" });
    expect(reserved.text).toContain("VCH-7781 is reserved");
    expect(reserved.verbs).toContain("voucher.schedule");
    expect(reserved.text).toContain("Rina");
    expect(reserved.text).not.toContain("Tom");
    const rina = await bot.database.db.planningConsultant.findFirstOrThrow({ where: { organisationId: bot.organisation.id, name: "Rina" } });
    const scheduled = await click(admin, "voucher.schedule", { voucherId: id, startOn: "2026-12-01", endOn: "2026-12-01", consultantId: rina.id });
    expect(scheduled.text).toContain("VCH-7781 is scheduled");
    const delivered = await click(admin, "voucher.fileCompletionReport", {
      voucherId: id,
      deliveredOn: "2026-12-01",
      deliverables: "Planning Services Completion Report\nCustomer Planning Deliverable",
      acceptedByName: "Marie Dupont",
      acceptedByEmail: "marie.dupont@contoso.example",
    });
    expect(delivered.text).toContain("Completion report filed for VCH-7781");
    expect(delivered.verbs).toContain("voucher.redeem");
    const redeemed = await click(admin, "voucher.redeem", { voucherId: id });
    expect(redeemed.text).toContain("VCH-7781 is redeemed");
    const invoiced = await click(admin, "voucher.invoice", { voucherId: id, number: "INV-2026-7781", amount: "6250.00", currency: "EUR" });
    expect(invoiced.text).toContain("VCH-7781 is invoiced");
    expect(invoiced.text).toContain("INV-2026-7781 · 6250 EUR");

    const { key } = await createApiKey(bot.database.db, { organisationId: bot.organisation.id, name: "vendor", scope: "write" });
    const payment = { organisationTenantId: TEST_TENANT_ID, vendorVoucherId: "ddps-7781-ab", paymentReference: "PAY-7781", paidOn: "2026-12-01" };
    const paid = await postPayment(key, payment);
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ reference: "VCH-7781", state: "paid", replayed: false });
    const replay = await postPayment(key, payment);
    expect(await replay.json()).toMatchObject({ state: "paid", replayed: true });
    const conflict = await postPayment(key, { ...payment, paymentReference: "PAY-OTHER" });
    expect(conflict.status).toBe(409);
    const missing = await postPayment(key, { ...payment, paidOn: "yesterday" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ fields: { paidOn: expect.any(String) } });

    const history = await click(admin, "voucher.open", { voucherId: id, view: "history" });
    expect(history.text).toContain("Paid");
    expect(history.verbs).not.toContain("voucher.invoice");
    const actions = (await listVoucherHistory(bot.database.db, { organisationId: bot.organisation.id, id })).map((entry) => entry.action);
    expect(actions).toEqual(["imported", "reserved", "scheduled", "completion_report_filed", "redeemed", "invoiced", "payment_confirmed"]);
    expect(await ask(viewer, "where are we with voucher VCH-7781?")).toContain("Paid");
  });
});

describe("what a partner is refused", () => {
  it("refuses to reserve a voucher the partner is not eligible for, with the reason", async () => {
    expect(await ask(admin, "validate VCH-7790")).toMatch(/the competency Cloud Platform, required for this engagement type, expired on Oct 3, 2026/);
    const refused = await click(admin, "voucher.reserve", {
      voucherId: await voucherId("VCH-7790"),
      administratorEmail: "sa.admin@contoso.example",
      termsAccepted: "true",
    });
    expect(refused.text).toMatch(
      /Not eligible for Cloud Platform Deployment Planning: the competency Cloud Platform, required for this engagement type, expired on Oct 3, 2026/,
    );
    expect((await findVoucherByTypedId(bot.database.db, bot.organisation.id, "VCH-7790"))?.state).toBe("assigned");
  });

  it("answers that an expired voucher can only be viewed, and offers no step", async () => {
    expect(await ask(admin, "validate VCH-7791")).toContain("VCH-7791 expired on Nov 30, 2026");
    expect(cardVerbs(lastCard())).not.toContain("voucher.reserve");
    const refused = await click(admin, "voucher.reserve", {
      voucherId: await voucherId("VCH-7791"),
      administratorEmail: "sa.admin@contoso.example",
      termsAccepted: "true",
    });
    expect(refused.text).toContain("expired on Nov 30, 2026: it can only be viewed now");
  });

  it("refuses a step out of order", async () => {
    const refused = await click(admin, "voucher.redeem", { voucherId: await voucherId("VCH-7792") });
    expect(refused.text).toContain("VCH-7792 is assigned: file the completion report before redeeming");
  });

  it("refuses a viewer's click, and shows a viewer the voucher without buttons", async () => {
    const id = await voucherId("VCH-7792");
    const refused = await click(viewer, "voucher.reserve", { voucherId: id, administratorEmail: "sa.admin@contoso.example", termsAccepted: "true" });
    expect(refused.text).toContain("Only your organisation's admins");
    expect(refused.verbs).not.toContain("voucher.reserve");
    expect(await ask(viewer, "where are we with voucher VCH-7792?")).toContain("Assigned");
    expect(cardVerbs(lastCard())).not.toContain("voucher.reserve");
    expect((await findVoucherByTypedId(bot.database.db, bot.organisation.id, "VCH-7792"))?.state).toBe("assigned");
  });

  it("treats another organisation's voucher as not found", async () => {
    expect(
      (await click(admin, "voucher.reserve", { voucherId: otherVoucherId, administratorEmail: "sa.admin@contoso.example", termsAccepted: "true" })).text,
    ).toMatch(/does not exist in your organisation/);
    expect((await click(admin, "voucher.open", { voucherId: otherVoucherId })).text).not.toContain("VCH-7799");
    expect(await ask(admin, "validate VCH-7799")).toContain("I found no voucher VCH-7799");
  });
});

describe("twenty Reserve clicks at once", () => {
  it("make one reservation", async () => {
    const id = await voucherId("VCH-7793");
    const clicks = await Promise.all(
      Array.from({ length: 20 }, () =>
        bot.invoke(admin, "voucher.reserve", { voucherId: id, administratorEmail: "sa.admin@contoso.example", termsAccepted: "true" }),
      ),
    );
    expect(clicks.every((response) => response.status === 200)).toBe(true);
    const texts = clicks.map((response) => cardText(response.body.value));
    expect(texts.filter((text) => text.includes("VCH-7793 is reserved. Next"))).toHaveLength(1);
    expect(texts.filter((text) => text.includes("VCH-7793 is already reserved"))).toHaveLength(19);
    const actions = (await listVoucherHistory(bot.database.db, { organisationId: bot.organisation.id, id })).map((entry) => entry.action);
    expect(actions).toEqual(["imported", "reserved"]);
  });
});
