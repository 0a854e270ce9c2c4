// The team's own roles managed in Teams, through /api/messages: an admin changes a role and it
// applies on the person's next click on every instance; the last admin stays; a role is asked
// for in words and decided by an admin; the organisation's settings are checked and audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, loadAppConfig, platformTables, startApp } from "../../src/app";
import { createLogger } from "../../src/platform/logger";
import { listAudit } from "../../src/platform/store/audit";
import { findUser } from "../../src/platform/store/organisations";
import { type TestBot, type TestUser, cardText, startTestBot } from "../support/bot";

let bot: TestBot;
let second: App;

beforeAll(async () => {
  bot = await startTestBot({ env: { ADMIN_AAD_OBJECT_IDS: "aad-configured-admin" } });
  // A second instance of the bot on the same database, as behind a load balancer.
  const env = { PORT: "0", DATABASE_URL: bot.database.url, LOG_LEVEL: "silent", NODE_ENV: "test", REMINDERS_ENABLED: "false", DATABASE_POOL_SIZE: "3" };
  second = await startApp(loadAppConfig(env, platformTables()), { logger: createLogger("silent") });
});

afterAll(async () => {
  await second?.stop();
  await bot?.stop();
});

async function invokeOn(app: App, user: TestUser, verb: string, data: Record<string, unknown>) {
  const response = await fetch(`http://127.0.0.1:${app.http.port}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      bot.activity(user, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } }),
    ),
  });
  return (await response.json()) as { value: unknown };
}

const roleOf = async (user: TestUser) => (await findUser(bot.database.db, bot.organisation.id, user.aadObjectId))?.role;
const teamHistory = () => listAudit(bot.database.db, bot.organisation.id, "team", bot.organisation.id);

describe("the team's roles in Teams", () => {
  it("shows an admin the members with their roles, and anyone else their own role and the admins", async () => {
    const admin = await bot.user("admin", "Alex Admin");
    const viewer = await bot.user("viewer", "Vera Viewer");
    const team = await bot.invoke(admin, "team.open", {});
    expect(cardText(team.body.value)).toMatch(/Your team in Partner Ops[\s\S]*Alex Admin[\s\S]*Vera Viewer/);
    const own = await bot.invoke(viewer, "team.open", {});
    const text = cardText(own.body.value);
    expect(text).toMatch(/Only your organisation's admins manage the team/);
    expect(text).toMatch(/Role: viewer[\s\S]*Admins: .*Alex Admin/);
  });

  it("answers 'what is my role?' in the language asked", async () => {
    const viewer = await bot.user("viewer", "Vanessa", "fr-FR");
    bot.connector.clear();
    await bot.sendMessage(viewer, "quel est mon rôle ?", { locale: "fr-FR" });
    await bot.connector.waitFor((activities) => activities.length >= 1);
    expect(cardText(bot.connector.activities[0]?.activity.attachments?.[0]?.content)).toMatch(/Rôle : lecteur/);
  });

  it("applies a role change on the person's next click on another instance, and records it", async () => {
    const admin = await bot.user("admin", "Ana Admin");
    const member = await bot.user("viewer", "Bo Billing");
    const before = await invokeOn(second, member, "team.ask", {});
    expect(cardText(before.value)).toMatch(/Role: viewer/);

    const changed = await bot.invoke(admin, "team.changeRole", { aadObjectId: member.aadObjectId, role: "billing" });
    expect(cardText(changed.body.value)).toMatch(/Bo Billing is now billing/);
    const after = await invokeOn(second, member, "team.ask", {});
    expect(cardText(after.value)).toMatch(/Role: billing/);
    expect((await teamHistory()).at(-1)).toMatchObject({
      action: "role_changed",
      actorName: "Ana Admin",
      before: { name: "Bo Billing", role: "viewer" },
      after: { role: "billing" },
    });
  });

  it("refuses a change by someone who is not an admin, whatever the card data says, and saves nothing", async () => {
    const approver = await bot.user("approver", "Pat Approver");
    const member = await bot.user("viewer", "Quinn");
    const versions = (await teamHistory()).length;
    const answer = await bot.invoke(approver, "team.changeRole", { aadObjectId: member.aadObjectId, role: "admin" });
    expect(cardText(answer.body.value)).toMatch(/Only your organisation's admins manage the team/);
    expect(await roleOf(member)).toBe("viewer");
    expect((await teamHistory()).length).toBe(versions);
  });

  it("keeps the configured admin an admin: that is changed in the configuration", async () => {
    const admin = await bot.user("admin", "Ann");
    const configured = { aadObjectId: "aad-configured-admin", teamsUserId: "29:aad-configured-admin", name: "Cory Configured" };
    await bot.sendMessage(configured, "help");
    const answer = await bot.invoke(admin, "team.changeRole", { aadObjectId: configured.aadObjectId, role: "viewer" });
    expect(cardText(answer.body.value)).toMatch(/admin by the bot's configuration/);
    expect(await roleOf(configured)).toBe("admin");
  });

  it("refuses another organisation's member as unknown", async () => {
    const admin = await bot.user("admin", "Ali");
    const answer = await bot.invoke(admin, "team.member", { aadObjectId: "aad-of-another-tenant" });
    expect(cardText(answer.body.value)).toMatch(/does not exist in your organisation/);
  });
});

describe("the last admin", () => {
  let lone: TestBot;
  afterAll(async () => lone?.stop());

  it("cannot demote or remove themselves, and two admins demoting each other at once leave one admin", async () => {
    lone = await startTestBot();
    const only = await lone.user("admin", "Only Admin");
    const refused = await lone.invoke(only, "team.changeRole", { aadObjectId: only.aadObjectId, role: "viewer" });
    expect(cardText(refused.body.value)).toMatch(/Only Admin is your organisation's last admin/);
    const removal = await lone.invoke(only, "team.remove", { aadObjectId: only.aadObjectId });
    expect(cardText(removal.body.value)).toMatch(/last admin/);

    for (let round = 0; round < 3; round += 1) {
      const a = await lone.user("admin", `A${round}`);
      const b = await lone.user("admin", `B${round}`);
      await lone.invoke(only, "team.changeRole", { aadObjectId: only.aadObjectId, role: "viewer" }).catch(() => undefined);
      await Promise.all([
        lone.invoke(a, "team.changeRole", { aadObjectId: b.aadObjectId, role: "viewer" }),
        lone.invoke(b, "team.remove", { aadObjectId: a.aadObjectId }),
      ]);
      const admins = await lone.database.db.partnerUser.count({ where: { organisationId: lone.organisation.id, role: "admin" } });
      expect(admins).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("asking for a role", () => {
  it("takes 'I need billing access' in words, tells the admins, and grants the role on approval", async () => {
    const admin = await bot.user("admin", "Dana Admin");
    const asker = await bot.user("viewer", "Eli Asker");
    bot.connector.clear();
    await bot.sendMessage(asker, "I need billing access");
    await bot.connector.waitFor((activities) => activities.length >= 1);
    const form = cardText(bot.connector.activities[0]?.activity.attachments?.[0]?.content);
    expect(form).toMatch(/Ask for another role/);

    const asked = await bot.invoke(asker, "team.askRole", { role: "billing", note: "I file the monthly usage reports" });
    expect(cardText(asked.body.value)).toMatch(/Asked for Billing/);
    const again = await bot.invoke(asker, "team.askRole", { role: "approver" });
    expect(cardText(again.body.value)).toMatch(/waiting for an admin/);

    const request = await bot.database.db.roleRequest.findFirstOrThrow({ where: { requesterAadObjectId: asker.aadObjectId } });
    const notices = await bot.database.db.outboxMessage.findMany({
      where: { kind: "team.role-request", dedupeKey: { startsWith: `role-request:${request.id}:` } },
    });
    expect(notices.map((notice) => notice.recipient)).toContain(`user:${admin.aadObjectId}`);

    const own = await bot.invoke(asker, "team.approveRequest", { requestId: request.id });
    expect(cardText(own.body.value)).toMatch(/role \(viewer\) does not allow this|cannot decide your own request/);
    expect(await roleOf(asker)).toBe("viewer");

    const [first, second] = await Promise.all([
      bot.invoke(admin, "team.approveRequest", { requestId: request.id }),
      bot.invoke(admin, "team.approveRequest", { requestId: request.id }),
    ]);
    const texts = [cardText(first.body.value), cardText(second.body.value)];
    expect(texts.filter((text) => /You approved: Eli Asker is now billing/.test(text))).toHaveLength(1);
    expect(await roleOf(asker)).toBe("billing");
    const told = await bot.database.db.outboxMessage.findMany({ where: { kind: "team.role-decision", recipient: `user:${asker.aadObjectId}` } });
    expect(told).toHaveLength(1);
  });

  it("needs a reason to reject, and keeps what was typed", async () => {
    const admin = await bot.user("admin", "Fay Admin");
    const asker = await bot.user("billing", "Gil");
    await bot.invoke(asker, "team.askRole", { role: "approver" });
    const request = await bot.database.db.roleRequest.findFirstOrThrow({ where: { requesterAadObjectId: asker.aadObjectId } });
    const refused = await bot.invoke(admin, "team.rejectRequest", { requestId: request.id, reason: "" });
    expect(cardText(refused.body.value)).toMatch(/Please give a reason/);
    const rejected = await bot.invoke(admin, "team.rejectRequest", { requestId: request.id, reason: "Approvals stay with Lee this quarter" });
    expect(cardText(rejected.body.value)).toMatch(/You rejected this request/);
    expect(await roleOf(asker)).toBe("billing");
  });
});

describe("the organisation's settings", () => {
  it("refuses a bad time zone next to the field, saving nothing, then saves good settings with an audit entry", async () => {
    const admin = await bot.user("admin", "Hana Admin");
    const bad = await bot.invoke(admin, "team.saveSettings", { timeZone: "Paris", reminderTime: "07:30", pendingApprovalSlaHours: "24" });
    expect(cardText(bad.body.value)).toMatch(/"Paris" is not a time zone/);
    expect((await bot.database.db.organisation.findUniqueOrThrow({ where: { id: bot.organisation.id } })).reminderTime).toBeNull();

    const good = await bot.invoke(admin, "team.saveSettings", { timeZone: "Europe/Paris", reminderTime: "07:30", pendingApprovalSlaHours: "24" });
    expect(cardText(good.body.value)).toMatch(/Settings saved/);
    const saved = await bot.database.db.organisation.findUniqueOrThrow({ where: { id: bot.organisation.id } });
    expect(saved).toMatchObject({ timeZone: "Europe/Paris", reminderTime: "07:30", pendingApprovalSlaHours: 24 });
    expect((await teamHistory()).at(-1)).toMatchObject({ action: "settings_changed", after: { timeZone: "Europe/Paris", reminderTime: "07:30" } });

    const viewer = await bot.user("viewer", "Ivo");
    const refused = await bot.invoke(viewer, "team.saveSettings", { timeZone: "Asia/Jakarta" });
    expect(cardText(refused.body.value)).toMatch(/Only your organisation's admins/);
    expect((await bot.database.db.organisation.findUniqueOrThrow({ where: { id: bot.organisation.id } })).timeZone).toBe("Europe/Paris");
  });
});
