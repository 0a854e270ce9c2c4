// DOMAIN.md section 1 and "Roles": a pending request is approved or rejected with a reason,
// once, by an approver or admin of its own organisation; every decision is a history entry.
import { describe, expect, it } from "vitest";
import {
  decideEngagement,
  type Engagement,
  isActive,
  normaliseEngagementReference,
  REJECTION_REASON_MAX,
} from "../../../src/workflows/engagements/domain/engagements";
import { type Actor, ROLES } from "../../../src/platform/domain/roles";
import { can } from "../../../src/workflows/engagements/domain/permissions";

const now = new Date("2026-11-25T10:00:00Z");
const pending: Engagement = {
  id: "e1",
  organisationId: "org-1",
  externalId: "x1",
  reference: "ENG-1042",
  title: "Managed backup",
  clientName: "Contoso",
  productName: "Backup",
  requestedAt: new Date("2026-11-20T10:00:00Z"),
  state: "pending",
  version: 3,
};
const approver: Actor = { organisationId: "org-1", aadObjectId: "aad-ana", name: "Ana", role: "approver" };

describe("deciding an engagement request", () => {
  it("approves a pending request, bumping the version and recording who, when and what", () => {
    const result = decideEngagement(pending, { kind: "approve" }, approver, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.engagement).toMatchObject({ state: "approved", version: 4, decision: { at: now, byId: "aad-ana", byName: "Ana" } });
    expect(result.value.events).toEqual([
      { engagementId: "e1", organisationId: "org-1", sequence: 4, at: now, action: "approved", actorId: "aad-ana", actorName: "Ana" },
    ]);
  });

  it("rejects with a trimmed reason kept in the decision and the history", () => {
    const result = decideEngagement(pending, { kind: "reject", reason: "  No budget  " }, approver, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.engagement.decision?.reason).toBe("No budget");
    expect(result.value.events[0]).toMatchObject({ action: "rejected", reason: "No budget" });
  });

  it.each([undefined, "", "   "])("refuses a rejection without a reason (%j)", (reason) => {
    const result = decideEngagement(pending, { kind: "reject", ...(reason !== undefined ? { reason } : {}) }, approver, now);
    expect(result).toEqual({ ok: false, refusal: { code: "reason_required", facts: {} } });
  });

  it("refuses a reason longer than the limit", () => {
    const result = decideEngagement(pending, { kind: "reject", reason: "x".repeat(REJECTION_REASON_MAX + 1) }, approver, now);
    expect(result.ok ? undefined : result.refusal).toEqual({ code: "reason_too_long", facts: { max: REJECTION_REASON_MAX } });
  });

  it.each(["billing", "viewer"] as const)("refuses a %s, whose role does not decide", (role) => {
    const result = decideEngagement(pending, { kind: "approve" }, { ...approver, role }, now);
    expect(result.ok ? undefined : result.refusal).toEqual({ code: "not_permitted", facts: { role } });
  });

  it("lets an admin decide", () => {
    expect(decideEngagement(pending, { kind: "approve" }, { ...approver, role: "admin" }, now).ok).toBe(true);
  });

  it("answers a second decision with the first one's facts, never a new decision", () => {
    const first = decideEngagement(pending, { kind: "approve" }, approver, now);
    if (!first.ok) throw new Error("first decision refused");
    const second = decideEngagement(first.value.engagement, { kind: "reject", reason: "late" }, { ...approver, name: "Bo" }, now);
    expect(second.ok ? undefined : second.refusal).toEqual({ code: "already_decided", facts: { state: "approved", by: "Ana", at: now } });
  });

  it("treats a record of another organisation as not found", () => {
    const result = decideEngagement(pending, { kind: "approve" }, { ...approver, organisationId: "org-2" }, now);
    expect(result.ok ? undefined : result.refusal.code).toBe("not_found");
  });
});

describe("engagement references as people type them", () => {
  it.each([
    ["ENG-1042", "ENG-1042"],
    ["eng 1042", "ENG-1042"],
    ["eng1042", "ENG-1042"],
    ["Eng_1042", "ENG-1042"],
    ["#1042", "ENG-1042"],
    [" 1042 ", "ENG-1042"],
  ])("reads %j as %s", (typed, reference) => expect(normaliseEngagementReference(typed)).toBe(reference));

  it.each(["ENG-", "hello", "ENG-10a2", "1042 and 1043"])("does not read %j as a reference", (typed) =>
    expect(normaliseEngagementReference(typed)).toBeUndefined(),
  );
});

describe("roles and lists", () => {
  it("grants decisions to admins and approvers only, viewing to everyone", () => {
    expect(ROLES.filter((role) => can(role, "engagement.decide"))).toEqual(["admin", "approver"]);
  });

  it("keeps rejected, completed and retired engagements out of active lists", () => {
    expect(["pending", "approved", "completion_requested"].every((state) => isActive({ state: state as Engagement["state"] }))).toBe(true);
    expect(["rejected", "completed", "retired"].some((state) => isActive({ state: state as Engagement["state"] }))).toBe(false);
  });
});
