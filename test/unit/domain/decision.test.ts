// Approve or reject with a reason, as every workflow's approvals share it.
import { describe, expect, it } from "vitest";
import { type DecisionRules, DECISION_REASON_MAX, decideApproval } from "../../../src/platform/domain/decision";
import type { Actor } from "../../../src/platform/domain/roles";

const now = new Date("2026-11-24T10:00:00Z");
const approver: Actor = { organisationId: "org-1", aadObjectId: "aad-ana", name: "Ana", role: "approver" };
const open: DecisionRules = { organisationId: "org-1", permitted: true };

describe("an approval decision", () => {
  it("approves with who and when, and no reason", () => {
    expect(decideApproval(open, { kind: "approve" }, approver, now)).toEqual({
      ok: true,
      value: { approved: true, at: now, byId: "aad-ana", byName: "Ana" },
    });
  });

  it("rejects with the reason trimmed", () => {
    const verdict = decideApproval(open, { kind: "reject", reason: "  Duplicate request " }, approver, now);
    expect(verdict).toEqual({ ok: true, value: { approved: false, at: now, byId: "aad-ana", byName: "Ana", reason: "Duplicate request" } });
  });

  it("refuses a rejection without a reason, or with only spaces", () => {
    expect(decideApproval(open, { kind: "reject" }, approver, now)).toMatchObject({ ok: false, refusal: { code: "reason_required" } });
    expect(decideApproval(open, { kind: "reject", reason: "   " }, approver, now)).toMatchObject({ ok: false, refusal: { code: "reason_required" } });
  });

  it("refuses a reason longer than the limit, and says the limit", () => {
    const long = "x".repeat(DECISION_REASON_MAX + 1);
    expect(decideApproval(open, { kind: "reject", reason: long }, approver, now)).toEqual({
      ok: false,
      refusal: { code: "reason_too_long", facts: { max: DECISION_REASON_MAX } },
    });
    const shorter = { ...open, reasonMax: 10 };
    expect(decideApproval(shorter, { kind: "reject", reason: "eleven char" }, approver, now)).toMatchObject({ refusal: { facts: { max: 10 } } });
  });

  it("lets only who holds the permission decide", () => {
    const viewer: Actor = { ...approver, role: "viewer" };
    expect(decideApproval({ ...open, permitted: false }, { kind: "approve" }, viewer, now)).toEqual({
      ok: false,
      refusal: { code: "not_permitted", facts: { role: "viewer" } },
    });
  });

  it("treats a record of another organisation as absent", () => {
    expect(decideApproval({ ...open, organisationId: "org-2" }, { kind: "approve" }, approver, now)).toEqual({
      ok: false,
      refusal: { code: "not_found", facts: {} },
    });
  });

  it("refuses a second decision, saying who decided and when", () => {
    const at = new Date("2026-11-23T16:00:00Z");
    const decided = { ...open, decided: { state: "approved", by: "Bo", at } };
    expect(decideApproval(decided, { kind: "reject", reason: "late" }, approver, now)).toEqual({
      ok: false,
      refusal: { code: "already_decided", facts: { state: "approved", by: "Bo", at } },
    });
  });

  it("refuses a record not waiting for this decision with the workflow's own code, before asking for a reason", () => {
    const notOpen = { ...open, notOpen: { code: "completion_not_requested", facts: { state: "approved" } } } as const;
    expect(decideApproval(notOpen, { kind: "reject" }, approver, now)).toEqual({
      ok: false,
      refusal: { code: "completion_not_requested", facts: { state: "approved" } },
    });
  });
});
