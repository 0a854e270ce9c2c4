// Planning reminders into the outbox: once per (deadline, recipient, threshold), only for
// people the bot can reach, never for a muted kind, after a snooze, and not during the night.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planReminders } from "../../src/platform/reminders/planner";
import { defaultReminderSettings } from "../../src/platform/reminders/settings";
import { pendingApprovalSource } from "../../src/workflows/engagements/deadlines/pending-approval";
import { rememberConversation } from "../../src/platform/store/conversation-references";
import type { Organisation } from "../../src/platform/store/organisations";
import { muteReminders, snoozeReminders } from "../../src/platform/store/reminder-preferences";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { organisationNamed, pendingEngagement, reachableUser } from "./reminder-fixtures";

let database: TestDatabase;
let organisation: Organisation;
const settings = defaultReminderSettings({ pendingApprovalSlaHours: 48 });
const sources = [pendingApprovalSource];
const afternoon = new Date("2026-11-25T14:00:00Z"); // 15:00 in Paris, 21:00 in Jakarta

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await organisationNamed(database.db, "tenant-plan", "Europe/Paris");
  await reachableUser(database.db, organisation, "aad-approver", "approver", { timeZone: "Europe/Paris" });
  await reachableUser(database.db, organisation, "aad-admin", "admin", { timeZone: "Asia/Jakarta" });
  await reachableUser(database.db, organisation, "aad-away", "approver", { reachable: false });
  await reachableUser(database.db, organisation, "aad-billing", "billing");
  await pendingEngagement(database.db, organisation, "ENG-1", new Date("2026-11-22T09:00:00Z"));
  await pendingEngagement(database.db, organisation, "ENG-2", new Date("2026-11-25T09:00:00Z"));
});

afterAll(async () => database?.destroy());

const rows = () => database.db.outboxMessage.findMany({ orderBy: { recipient: "asc" } });

describe("planning pending-approval reminders", () => {
  it("plans an engagement pending past its SLA once per reachable approver and admin, however often planning runs", async () => {
    const first = await planReminders(database.db, organisation, afternoon, settings, sources);
    expect(first).toMatchObject({ due: 1, inserted: 2, duplicates: 0, unreachable: 1 });
    const again = await Promise.all([1, 2, 3].map(() => planReminders(database.db, organisation, afternoon, settings, sources)));
    expect(again.reduce((sum, report) => sum + report.inserted, 0)).toBe(0);
    expect((await rows()).map((row) => row.recipient)).toEqual(["user:aad-admin", "user:aad-approver"]);
  });

  it("holds the reminder of a recipient whose night it is until their quiet hours end", async () => {
    const byRecipient = new Map((await rows()).map((row) => [row.recipient, row.nextAttemptAt]));
    expect(byRecipient.get("user:aad-approver")).toEqual(afternoon);
    expect(byRecipient.get("user:aad-admin")).toEqual(new Date("2026-11-26T01:00:00Z")); // 08:00 in Jakarta
  });

  it("plans nothing for a kind the user muted, and plans a snoozed kind once the snooze ends", async () => {
    await database.db.outboxMessage.deleteMany({});
    const target = { organisationId: organisation.id, kind: pendingApprovalSource.kind };
    await muteReminders(database.db, { ...target, aadObjectId: "aad-admin" });
    await snoozeReminders(database.db, { ...target, aadObjectId: "aad-approver" }, new Date("2026-11-26T11:00:00Z"));
    expect(await planReminders(database.db, organisation, afternoon, settings, sources)).toMatchObject({ inserted: 0, suppressed: 2 });
    const nextDay = new Date("2026-11-26T11:30:00Z");
    expect(await planReminders(database.db, organisation, nextDay, settings, sources)).toMatchObject({ inserted: 1, suppressed: 1 });
    expect((await rows()).map((row) => row.recipient)).toEqual(["user:aad-approver"]);
  });

  it("plans the team-wide digest into each team channel when the channel digest is on", async () => {
    await rememberConversation(database.db, {
      organisationId: organisation.id,
      tenantId: organisation.tenantId,
      conversationId: "19:general@thread.tacv2",
      kind: "channel",
      teamId: "19:team",
      serviceUrl: "http://connector.invalid/",
      reference: { conversation: { id: "19:general@thread.tacv2" } },
    });
    const withChannel = defaultReminderSettings({ channelDigest: true });
    const report = await planReminders(database.db, organisation, new Date("2026-11-26T12:00:00Z"), withChannel, sources);
    expect(report.inserted).toBe(1);
    expect((await rows()).map((row) => row.recipient)).toContain("conversation:19:general@thread.tacv2");
  });
});
