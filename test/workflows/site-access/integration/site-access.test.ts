// Site access end to end on the real server (SQLite and PostgreSQL): asking in words or with the
// form, the deciders' card through the outbox, a decision with privileges from the checkboxes,
// the requester told, the vendor's event; a Primary Contact claim answered by the vendor's API;
// the refusals; two deciders racing on one request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../../../src/platform/store/audit";
import { ensureOrganisation, setUserRole } from "../../../../src/platform/store/organisations";
import { reminderCycleDeps } from "../../../../src/platform/reminders/runtime";
import { runReminderCycle } from "../../../../src/platform/reminders/scheduler";
import { findAccessRequest } from "../../../../src/workflows/site-access/store/access-requests";
import { ACCESS_REQUEST_RECORD_KIND } from "../../../../src/workflows/site-access/store/records";
import { applySiteRecordIn } from "../../../../src/workflows/site-access/store/site-records";
import { findSiteByNumber, listSiteMembers } from "../../../../src/workflows/site-access/store/sites";
import { validateAdaptiveCard } from "../../../support/adaptive-card-validator";
import { actionData } from "../../../support/billing-submit";
import { cardText, cardVerbs, startTestBot, type TestBot, type TestUser } from "../../../support/bot";

const VENDOR_API_KEY = "vendor-key-site-access-0123456789";
const now = new Date("2026-11-25T09:00:00Z");
let bot: TestBot;
let pia: TestUser;
let ada: TestUser;

type Card = Record<string, unknown>;

beforeAll(async () => {
  bot = await startTestBot({ env: { VENDOR_API_KEY }, app: { clock: () => now } });
  pia = await bot.user("approver", "Pia Primary");
  ada = await bot.user("admin", "Ada Admin");
  await bot.database.db.$transaction((tx) =>
    applySiteRecordIn(
      tx,
      bot.organisation.id,
      { siteNumber: "1234567", name: "Contoso Reseller", primaryContact: { userId: pia.aadObjectId, name: pia.name } },
      { actorName: "Vendor site list" },
      now,
    ),
  );
});

afterAll(async () => bot?.stop());

async function click(user: TestUser, verb: string, data: Record<string, unknown>, options: { tenantId?: string } = {}) {
  const { status, body } = await bot.invoke(user, verb, data, options);
  expect(status).toBe(200);
  return body;
}

async function cardOf(user: TestUser, verb: string, data: Record<string, unknown>): Promise<Card> {
  const body = await click(user, verb, data);
  expect(body.type, JSON.stringify(body.value)).toBe("application/vnd.microsoft.card.adaptive");
  const card = body.value as Card;
  expect(validateAdaptiveCard(card)).toEqual([]);
  return card;
}

async function install(user: TestUser) {
  await bot.post(bot.activity(user, { type: "installationUpdate", action: "add", localTimezone: "Asia/Jakarta" }));
}

async function deliver() {
  bot.connector.clear();
  await runReminderCycle(reminderCycleDeps({ ...bot.app.services, clock: () => now }, bot.app.adapter, { quietHours: undefined }));
}

const cardsTo = (user: TestUser) =>
  bot.connector.activities.filter((a) => a.conversationId === `a:personal-${user.aadObjectId}`).map((a) => a.activity.attachments?.[0]?.content);

function postApi(path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${VENDOR_API_KEY}` }) {
  return fetch(`${bot.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

async function askWithForm(user: TestUser, siteNumber: string, claimsPrimaryContact = false): Promise<string> {
  const form = await cardOf(user, "siteAccess.requestForm", { siteNumber });
  await cardOf(user, "siteAccess.request", { ...actionData(form, "siteAccess.request"), siteNumber, claimsPrimaryContact: String(claimsPrimaryContact) });
  const row = await bot.database.db.siteAccessRequest.findFirstOrThrow({
    where: { organisationId: bot.organisation.id, requesterId: user.aadObjectId, siteNumber },
  });
  return row.id;
}

const eventsOf = async (type: string, id: string) =>
  (await bot.database.db.organisationEvent.findMany({ where: { organisationId: bot.organisation.id, type } })).filter((e) => e.payload.includes(id));

describe("asking for site access and deciding it in Teams", () => {
  it("takes an Indonesian request in words, brings it to the Primary Contact, approves it with privileges, tells the requester and the vendor", async () => {
    const rex = await bot.user("viewer", "Rex Reseller", "id-ID");
    await install(rex);
    await install(pia);
    bot.connector.clear();
    expect((await bot.sendMessage(rex, "saya perlu akses ke situs 1234567")).status).toBe(200);
    await bot.connector.waitFor((activities) => activities.length >= 1);
    expect(cardText(bot.connector.activities.at(-1)?.activity.attachments?.[0]?.content)).toContain("Permintaan terkirim");
    const request = await bot.database.db.siteAccessRequest.findFirstOrThrow({ where: { requesterId: rex.aadObjectId } });
    expect(request.state).toBe("pending");

    await deliver();
    const [notice] = cardsTo(pia);
    expect(cardText(notice)).toContain("Rex Reseller asks for access to site 1234567 (Contoso Reseller)");
    expect(actionData(notice, "siteAccess.openRequest")).toEqual({ requestId: request.id });

    const decisionCard = await cardOf(pia, "siteAccess.openRequest", { requestId: request.id });
    expect(JSON.stringify(decisionCard)).toContain('"isMultiSelect":true');
    const approved = await cardOf(pia, "siteAccess.approve", {
      ...actionData(decisionCard, "siteAccess.approve"),
      entitlements: "reporting,guided_selling",
      role: "user",
      mayApprove: "false",
      reason: "",
    });
    expect(cardText(approved)).toContain("You approved Rex Reseller's access");
    expect(cardVerbs(approved)).not.toContain("siteAccess.approve");

    const site = await findSiteByNumber(bot.database.db, bot.organisation.id, "1234567");
    const member = (await listSiteMembers(bot.database.db, site!)).find((m) => m.userId === rex.aadObjectId);
    expect(member).toMatchObject({ role: "user", entitlements: ["reporting", "guided_selling"], state: "active" });
    const [event] = await eventsOf("siteaccess.request.decided", request.id);
    expect(JSON.parse(event?.payload ?? "{}")).toMatchObject({ outcome: "approved", siteNumber: "1234567", entitlements: ["reporting", "guided_selling"] });

    await deliver();
    const told = cardsTo(rex).map(cardText);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("Pia Primary menyetujui akses Anda ke situs 1234567 dengan: Pelaporan; Penjualan Terpandu Mitra;");

    const siteCard = await cardOf(rex, "siteAccess.openSite", { siteNumber: "1234567" });
    expect(cardText(siteCard)).toContain("Rex Reseller");
    expect(cardText(siteCard)).toContain("Pelaporan, Penjualan Terpandu Mitra");
  });

  it("rejects with a reason only, keeping the card's inputs when the reason is missing", async () => {
    const sue = await bot.user("billing", "Sue Sales");
    const id = await askWithForm(sue, "1234567");
    const card = await cardOf(pia, "siteAccess.openRequest", { requestId: id });
    const rejectData = actionData(card, "siteAccess.reject");
    const blank = await cardOf(pia, "siteAccess.reject", { ...rejectData, reason: "  " });
    expect(cardVerbs(blank)).toContain("siteAccess.reject");
    expect((await findAccessRequest(bot.database.db, bot.organisation.id, id))?.state).toBe("pending");
    const rejected = await cardOf(pia, "siteAccess.reject", { ...rejectData, reason: "Not one of our resellers" });
    expect(cardText(rejected)).toContain("Not one of our resellers");
    expect((await findAccessRequest(bot.database.db, bot.organisation.id, id))?.state).toBe("rejected");
  });
});

describe("a Primary Contact claim", () => {
  it("goes to the vendor as an event, and the vendor's answer through the API approves it once", async () => {
    const cy = await bot.user("viewer", "Cy Claimant");
    await install(cy);
    const id = await askWithForm(cy, "7654321", true);
    expect((await findAccessRequest(bot.database.db, bot.organisation.id, id))?.state).toBe("awaiting_vendor");
    expect(await eventsOf("siteaccess.primary_contact.claimed", id)).toHaveLength(1);
    // Nobody decides a claim in Teams, admins included.
    const card = await cardOf(ada, "siteAccess.openRequest", { requestId: id });
    expect(cardVerbs(card)).not.toContain("siteAccess.approve");

    const answer = { organisationTenantId: "tenant-contoso", verificationId: "ver-77", requestId: id, outcome: "confirmed", siteName: "Fabrikam Reseller" };
    expect((await postApi("/api/v1/site-access/primary-contact-verifications", answer, {})).status).toBe(401);
    const noReason = await postApi("/api/v1/site-access/primary-contact-verifications", { ...answer, verificationId: "ver-78", outcome: "denied" });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ error: "invalid_request", fields: { reason: expect.any(String) } });
    const first = await postApi("/api/v1/site-access/primary-contact-verifications", answer);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ requestId: id, state: "approved", replayed: false });
    const replay = await postApi("/api/v1/site-access/primary-contact-verifications", answer);
    expect(await replay.json()).toMatchObject({ state: "approved", replayed: true });
    expect((await findSiteByNumber(bot.database.db, bot.organisation.id, "7654321"))?.primaryContact).toEqual({ userId: cy.aadObjectId, name: "Cy Claimant" });

    await deliver();
    expect(cardsTo(cy).map(cardText)).toEqual([expect.stringContaining("The vendor confirmed you as the Primary Contact of site 7654321.")]);
  });
});

describe("who may not decide", () => {
  it("refuses a requester deciding their own request, admins included", async () => {
    const id = await askWithForm(ada, "1234567");
    const card = await cardOf(ada, "siteAccess.openRequest", { requestId: id });
    expect(cardVerbs(card)).not.toContain("siteAccess.approve");
    const forged = await cardOf(ada, "siteAccess.approve", { requestId: id, nonce: "forged-1", decision: "approve", entitlements: "reporting", role: "user" });
    expect(cardText(forged)).toContain("You cannot decide your own access request to site 1234567");
    expect((await findAccessRequest(bot.database.db, bot.organisation.id, id))?.state).toBe("pending");
  });

  it("refuses a viewer, and reads another organisation's request as unknown", async () => {
    const vic = await bot.user("viewer", "Vic Viewer");
    const asker = await bot.user("viewer", "Una Asker");
    const id = await askWithForm(asker, "1234567");
    const viewed = await cardOf(vic, "siteAccess.openRequest", { requestId: id });
    expect(cardVerbs(viewed)).not.toContain("siteAccess.approve");
    const refused = await cardOf(vic, "siteAccess.approve", { requestId: id, nonce: "v-1", decision: "approve", entitlements: "reporting", role: "user" });
    expect(cardText(refused)).toContain("Your role (viewer) cannot decide site access");

    const other = await ensureOrganisation(bot.database.db, "tenant-fabrikam", { timeZone: "UTC" });
    const outsider = { aadObjectId: "aad-outsider-admin", teamsUserId: "29:aad-outsider-admin", name: "Oz Outsider" };
    await setUserRole(bot.database.db, { organisationId: other.id, aadObjectId: outsider.aadObjectId, name: outsider.name, role: "admin" });
    const foreign = await click(
      outsider,
      "siteAccess.approve",
      { requestId: id, nonce: "o-1", decision: "approve", entitlements: "reporting", role: "user" },
      { tenantId: "tenant-fabrikam" },
    );
    expect(JSON.stringify(foreign)).not.toContain("Una Asker");
    expect((await findAccessRequest(bot.database.db, bot.organisation.id, id))?.state).toBe("pending");
  });
});

describe("the days a request may wait", () => {
  it("are set by an admin from the list, and refused from anyone else", async () => {
    const list = await cardOf(ada, "siteAccess.listPending", {});
    expect(JSON.stringify(list)).toContain('"id":"pendingSlaDays"');
    const saved = await cardOf(ada, "siteAccess.setPendingDays", { pendingSlaDays: "5" });
    expect(cardText(saved)).toContain("Requests waiting 5 days are now brought to their deciders.");
    const approver = await cardOf(pia, "siteAccess.listPending", {});
    expect(JSON.stringify(approver)).not.toContain('"id":"pendingSlaDays"');
    const refused = await cardOf(pia, "siteAccess.setPendingDays", { pendingSlaDays: "1" });
    expect(cardText(refused)).toContain("cannot");
    expect((await bot.database.db.siteAccessSettings.findUnique({ where: { organisationId: bot.organisation.id } }))?.pendingSlaDays).toBe(5);
  });
});

describe("two deciders at once", () => {
  it("records one decision of two clicks racing, and shows the loser who decided", async () => {
    const raj = await bot.user("viewer", "Raj Racer");
    const id = await askWithForm(raj, "1234567");
    const decide = (user: TestUser, nonce: string) =>
      click(user, "siteAccess.approve", { requestId: id, nonce, decision: "approve", entitlements: "reporting", role: "user" });
    const bodies = await Promise.all([decide(pia, "race-pia"), decide(ada, "race-ada")]);
    const texts = bodies.map((body) => cardText(body.value));
    expect(texts.filter((text) => text.includes("You approved Raj Racer's access"))).toHaveLength(1);
    expect(texts.filter((text) => text.includes("Already approved by"))).toHaveLength(1);
    const history = await listAudit(bot.database.db, bot.organisation.id, ACCESS_REQUEST_RECORD_KIND, id);
    expect(history.map((entry) => entry.action)).toEqual(["requested", "approved"]);
    expect(await eventsOf("siteaccess.request.decided", id)).toHaveLength(1);
  });
});
