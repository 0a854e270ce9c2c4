// The team's rules (DOMAIN.md, "Roles"): admins change roles and remove people, never the
// organisation's last admin nor one the configuration names; anyone asks for a role once at a
// time; another admin decides, a rejection with a reason; settings checked field by field.
import { describe, expect, it } from "vitest";
import { defaultReminderSettings } from "../../../src/platform/reminders/settings";
import { decideRoleAsk, decideRoleRequest, decideTeamChange, type RoleRequest, roleNamedIn } from "../../../src/platform/team/rules";
import { readSettingsForm, reminderSettingsFor } from "../../../src/platform/team/settings";

const admin = { role: "admin" as const, aadObjectId: "aad-admin" };
const billing = { aadObjectId: "aad-billing", name: "Adele", role: "billing" as const };
const soleAdmin = { aadObjectId: "aad-admin", name: "Alex", role: "admin" as const };
const many = { adminCount: 3, configuredAdmin: false };

const request: RoleRequest = {
  id: "r1",
  organisationId: "org",
  requesterAadObjectId: "aad-viewer",
  requesterName: "Vera",
  role: "billing",
  state: "pending",
  requestedAt: new Date("2026-11-20T09:00:00Z"),
  version: 1,
};

describe("changing the team", () => {
  it("lets an admin change a role and remove a member", () => {
    expect(decideTeamChange(admin, billing, { kind: "role", role: "approver" }, many)).toEqual({ ok: true, value: { kind: "role", role: "approver" } });
    expect(decideTeamChange(admin, billing, { kind: "remove" }, many).ok).toBe(true);
  });

  it("refuses anyone but an admin, naming their role", () => {
    const outcome = decideTeamChange({ role: "approver" }, billing, { kind: "remove" }, many);
    expect(outcome).toEqual({ ok: false, refusal: { code: "not_permitted", facts: { role: "approver" } } });
  });

  it("refuses to demote or remove the last admin, themselves included", () => {
    const last = { adminCount: 1, configuredAdmin: false };
    expect(decideTeamChange(admin, soleAdmin, { kind: "role", role: "viewer" }, last)).toMatchObject({
      refusal: { code: "last_admin", facts: { name: "Alex" } },
    });
    expect(decideTeamChange(admin, soleAdmin, { kind: "remove" }, last)).toMatchObject({ refusal: { code: "last_admin" } });
    expect(decideTeamChange(admin, soleAdmin, { kind: "remove" }, { adminCount: 2, configuredAdmin: false }).ok).toBe(true);
  });

  it("refuses to demote an admin the configuration names, who would be admin again on their next turn", () => {
    expect(decideTeamChange(admin, soleAdmin, { kind: "role", role: "billing" }, { adminCount: 4, configuredAdmin: true })).toMatchObject({
      refusal: { code: "configured_admin" },
    });
  });

  it("says so when the role is already the one chosen", () => {
    expect(decideTeamChange(admin, billing, { kind: "role", role: "billing" }, many)).toMatchObject({ refusal: { code: "role_unchanged" } });
  });
});

describe("asking for a role", () => {
  it("takes a role the person does not hold, one request at a time", () => {
    expect(decideRoleAsk({ role: "viewer" }, "billing", undefined)).toEqual({ ok: true, value: "billing" });
    expect(decideRoleAsk({ role: "viewer" }, "approver", request)).toMatchObject({ refusal: { code: "role_request_pending", facts: { role: "billing" } } });
    expect(decideRoleAsk({ role: "billing" }, "billing", undefined)).toMatchObject({ refusal: { code: "role_unchanged" } });
    expect(decideRoleAsk({ role: "admin" }, "billing", undefined)).toMatchObject({ refusal: { code: "role_unchanged" } });
  });

  it("is decided by an admin other than the asker, once, and a rejection says why", () => {
    expect(decideRoleRequest(admin, request, { kind: "approve" })).toEqual({ ok: true, value: { state: "approved" } });
    expect(decideRoleRequest({ role: "approver", aadObjectId: "x" }, request, { kind: "approve" })).toMatchObject({ refusal: { code: "not_permitted" } });
    expect(decideRoleRequest({ role: "admin", aadObjectId: "aad-viewer" }, request, { kind: "approve" })).toMatchObject({
      refusal: { code: "own_role_request" },
    });
    expect(decideRoleRequest(admin, { ...request, state: "approved", decidedByName: "Alex" }, { kind: "approve" })).toMatchObject({
      refusal: { code: "already_decided", facts: { state: "approved", by: "Alex" } },
    });
    expect(decideRoleRequest(admin, request, { kind: "reject", reason: "  " })).toMatchObject({ refusal: { code: "reason_required" } });
    expect(decideRoleRequest(admin, request, { kind: "reject", reason: " Not this quarter " })).toEqual({
      ok: true,
      value: { state: "rejected", reason: "Not this quarter" },
    });
  });

  it("reads the role people name in their own words, and nothing when they name two", () => {
    expect(roleNamedIn(["i", "need", "billing", "access"])).toBe("billing");
    expect(roleNamedIn(["le", "rôle", "approbateur"])).toBe("approver");
    expect(roleNamedIn(["saya", "perlu", "akses", "penagihan"])).toBe("billing");
    expect(roleNamedIn(["billing", "or", "admin"])).toBeUndefined();
    expect(roleNamedIn(["a", "role"])).toBeUndefined();
  });
});

describe("the organisation's settings", () => {
  const form = { timeZone: "Europe/Paris", reminderTime: "07:30", pendingApprovalSlaHours: "24" };

  it("takes a time zone, a morning time and hours, empty meaning the deployment's", () => {
    expect(readSettingsForm(admin, form)).toEqual({ ok: true, value: { timeZone: "Europe/Paris", reminderTime: "07:30", pendingApprovalSlaHours: 24 } });
    expect(readSettingsForm(admin, { ...form, reminderTime: " ", pendingApprovalSlaHours: "" })).toEqual({
      ok: true,
      value: { timeZone: "Europe/Paris", reminderTime: null, pendingApprovalSlaHours: null },
    });
  });

  it("names the field that is wrong", () => {
    expect(readSettingsForm(admin, { ...form, timeZone: "Paris" })).toMatchObject({ refusal: { code: "time_zone_invalid", facts: { field: "timeZone" } } });
    expect(readSettingsForm(admin, { ...form, reminderTime: "7h30" })).toMatchObject({
      refusal: { code: "reminder_time_invalid", facts: { field: "reminderTime" } },
    });
    expect(readSettingsForm(admin, { ...form, pendingApprovalSlaHours: "1.5" })).toMatchObject({ refusal: { code: "sla_hours_invalid" } });
    expect(readSettingsForm(admin, { ...form, pendingApprovalSlaHours: "0" })).toMatchObject({ refusal: { code: "sla_hours_invalid" } });
    expect(readSettingsForm({ role: "billing" }, form)).toMatchObject({ refusal: { code: "not_permitted" } });
  });

  it("overrides the deployment's reminder time and approval SLA for that organisation only", () => {
    const deployment = defaultReminderSettings();
    const organisation = { id: "o", tenantId: "t", name: "n", timeZone: "Asia/Jakarta" };
    expect(reminderSettingsFor(deployment, { ...organisation, reminderTime: "07:30", pendingApprovalSlaHours: 12 })).toMatchObject({
      cron: "30 7 * * *",
      pendingApprovalSlaHours: 12,
    });
    expect(reminderSettingsFor(deployment, organisation)).toEqual(deployment);
  });
});
