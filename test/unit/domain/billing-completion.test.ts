// Closing an engagement: the client's completion request, then an approver's decision.
import { describe, expect, it } from "vitest";
import { decideCompletion, requestCompletion } from "../../../src/workflows/engagements/domain/engagement-completion";
import type { Engagement } from "../../../src/workflows/engagements/domain/engagements";
import type { Actor, Role } from "../../../src/platform/domain/roles";
import { engagementRequest } from "../../support/fixtures";

const now = new Date("2026-11-20T10:00:00Z");
const approved: Engagement = engagementRequest("org-1", "ENG-1042", {
  id: "eng-1",
  title: "Managed backup",
  clientName: "Contoso",
  productName: "Backup",
  requestedAt: new Date("2026-09-01T00:00:00Z"),
  state: "approved",
  version: 4,
});
const requested: Engagement = { ...approved, state: "completion_requested", version: 5 };
const actor = (role: Role = "approver"): Actor => ({ organisationId: "org-1", aadObjectId: "aad-bo", name: "Bo", role });

describe("a completion request", () => {
  it("puts an approved engagement in completion_requested, in the client's name", () => {
    const result = requestCompletion(approved, { requestedAt: now, requestedBy: "Jane (Contoso)", note: "project over" }, now);
    expect(result.ok && result.value.kind === "requested" && result.value.transition).toMatchObject({
      engagement: { state: "completion_requested", version: 5 },
      events: [{ action: "completion_requested", sequence: 5, actorName: "Jane (Contoso)", reason: "project over" }],
    });
  });

  it("changes nothing when the same request is imported again", () => {
    expect(requestCompletion(requested, { requestedAt: now }, now)).toMatchObject({ ok: true, value: { kind: "unchanged" } });
  });

  it("is refused when dated more than five minutes after our clock, and taken within that skew", () => {
    const late = requestCompletion(approved, { requestedAt: new Date(now.getTime() + 5 * 60_000 + 1) }, now);
    expect(late).toMatchObject({ ok: false, refusal: { code: "timestamp_in_future", facts: { field: "requestedAt", minutes: 5 } } });
    expect(requestCompletion(approved, { requestedAt: new Date(now.getTime() + 5 * 60_000) }, now)).toMatchObject({ ok: true, value: { kind: "requested" } });
  });

  it("is refused when dated before the engagement's approval, and dated on receipt when undated", () => {
    const decided = { ...approved, decision: { at: new Date("2026-09-02T08:00:00Z"), byId: "aad-bo", byName: "Bo" } };
    expect(requestCompletion(decided, { requestedAt: new Date("2026-09-02T07:59:00Z") }, now)).toMatchObject({
      ok: false,
      refusal: { code: "timestamp_before_event", facts: { field: "requestedAt", event: "approval" } },
    });
    const undated = requestCompletion(decided, {}, now);
    expect(undated.ok && undated.value.kind === "requested" && undated.value.transition.events[0]?.at).toEqual(now);
  });

  it("is refused for an engagement that was never approved or is already closed", () => {
    for (const state of ["pending", "rejected", "completed", "retired"] as const) {
      expect(requestCompletion({ ...approved, state }, { requestedAt: now }, now)).toMatchObject({ ok: false, refusal: { code: "invalid_state" } });
    }
  });
});

describe("deciding a completion request", () => {
  it("completes the engagement when an approver approves it, noting when: its last billable month follows", () => {
    const result = decideCompletion(requested, { kind: "approve" }, actor(), now);
    expect(result.ok && result.value).toMatchObject({
      engagement: { state: "completed", version: 6, completedAt: now },
      events: [{ action: "completed", sequence: 6, actorName: "Bo" }],
    });
  });

  it("retires the engagement, keeping it, when the request is rejected with a reason", () => {
    const result = decideCompletion(requested, { kind: "reject", reason: "still in use" }, actor("admin"), now);
    expect(result.ok && result.value).toMatchObject({
      engagement: { state: "retired", id: "eng-1" },
      events: [{ action: "completion_rejected", reason: "still in use" }],
    });
  });

  it("requires a reason to reject a completion request", () => {
    expect(decideCompletion(requested, { kind: "reject", reason: "" }, actor(), now)).toMatchObject({ ok: false, refusal: { code: "reason_required" } });
  });

  it("lets only approvers and admins decide", () => {
    for (const role of ["billing", "viewer"] as const) {
      expect(decideCompletion(requested, { kind: "approve" }, actor(role), now)).toMatchObject({ ok: false, refusal: { code: "not_permitted" } });
    }
  });

  it("refuses a decision when no completion was requested, or after it was decided", () => {
    expect(decideCompletion(approved, { kind: "approve" }, actor(), now)).toMatchObject({ ok: false, refusal: { code: "completion_not_requested" } });
    expect(decideCompletion({ ...requested, state: "completed" }, { kind: "reject", reason: "x" }, actor(), now)).toMatchObject({
      ok: false,
      refusal: { code: "already_decided", facts: { state: "completed" } },
    });
  });

  it("refuses an engagement of another organisation as if it did not exist", () => {
    expect(decideCompletion({ ...requested, organisationId: "org-2" }, { kind: "approve" }, actor(), now)).toMatchObject({
      ok: false,
      refusal: { code: "not_found" },
    });
  });
});
