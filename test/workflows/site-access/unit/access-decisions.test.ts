// Issue 17, "Site access": the site's Primary Contact, an approving Secondary Contact or an admin
// approves a pending request with a site role and entitlements, or rejects it with a reason;
// nobody decides their own request; the decision and the grant reach the vendor.
import { describe, expect, it } from "vitest";
import {
  decideAccessRequest,
  decisionCommand,
  DECISION_REASON_MAX,
  ZAccessDecisionForm,
  type AccessDecisionCommand,
} from "../../../../src/workflows/site-access/domain/access-decisions";
import { isReplay } from "../../../../src/workflows/site-access/domain/audit";
import type { Actor } from "../../../../src/workflows/site-access/domain/permissions";
import { ada, codeOf, members, now, pendingRequest, pia, rex, sam, site, sol, uma } from "./fixtures";

const context = { site, members, newSiteUserId: "su-new" };
const approve: AccessDecisionCommand = {
  kind: "approve",
  decisionId: "d-1",
  grant: { role: "user", mayApprove: false, entitlements: ["reporting", "online_ordering"] },
};
const reject: AccessDecisionCommand = { kind: "reject", decisionId: "d-1", reason: "  Not our reseller  " };

function decide(command: AccessDecisionCommand, actor: Actor, request = pendingRequest()) {
  return decideAccessRequest(request, command, context, actor, now);
}

describe("deciding an access request", () => {
  it("approves with the entitlements, puts the requester on the site's user list and tells the vendor", () => {
    const result = decide(approve, pia);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({
      state: "approved",
      version: 1,
      decision: { decisionId: "d-1", by: { userId: "aad-pia", name: "Pia" }, at: now, outcome: "approved", grant: approve.grant },
    });
    expect(result.value.siteUser).toEqual({
      id: "su-new",
      organisationId: "org-1",
      siteId: "site-1",
      userId: "aad-rex",
      name: "Rex",
      role: "user",
      mayApprove: false,
      entitlements: ["reporting", "online_ordering"],
      state: "active",
      version: 0,
    });
    expect(result.value.audit).toEqual([
      {
        action: "approved",
        before: { state: "pending" },
        after: { state: "approved", role: "user", mayApprove: false, entitlements: ["reporting", "online_ordering"] },
      },
    ]);
    expect(result.value.events).toEqual([
      {
        type: "siteAccess.requestDecided",
        requestId: "req-1",
        siteNumber: "1234567",
        requester: { userId: "aad-rex", name: "Rex" },
        by: { userId: "aad-pia", name: "Pia" },
        at: now.toISOString(),
        outcome: "approved",
        role: "user",
        mayApprove: false,
        entitlements: ["reporting", "online_ordering"],
      },
    ]);
  });

  it("rejects with the trimmed reason, told to the vendor too", () => {
    const result = decide(reject, sam);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({ state: "rejected", decision: { outcome: "rejected", reason: "Not our reseller" } });
    expect(result.value.siteUser).toBeUndefined();
    expect(result.value.events[0]).toMatchObject({ type: "siteAccess.requestDecided", outcome: "rejected", reason: "Not our reseller" });
  });

  it("lets an approving Secondary Contact and an admin decide", () => {
    expect(decide(approve, sam).ok).toBe(true);
    expect(decide(approve, ada).ok).toBe(true);
  });

  it("refuses a Secondary Contact without the approval right, naming the Primary Contact", () => {
    expect(decide(approve, sol)).toEqual({
      ok: false,
      refusal: { code: "not_site_decider", facts: { siteNumber: "1234567", primaryContact: "Pia", contactKnown: "yes" } },
    });
  });

  it("says so when the site's Primary Contact is not known yet", () => {
    const { primaryContact: _, ...unknownContact } = site;
    const result = decideAccessRequest(pendingRequest(), approve, { ...context, site: unknownContact }, sol, now);
    expect(result).toEqual({ ok: false, refusal: { code: "not_site_decider", facts: { siteNumber: "1234567", primaryContact: "", contactKnown: "no" } } });
  });

  it("refuses an approver with no standing on the site", () => {
    const outsider: Actor = { userId: "aad-out", name: "Out", role: "approver" };
    expect(codeOf(decide(approve, outsider))).toBe("not_site_decider");
  });

  it("refuses a viewer or billing user by their role, even the site's Primary Contact", () => {
    expect(decide(approve, { ...pia, role: "viewer" })).toEqual({ ok: false, refusal: { code: "not_permitted", facts: { role: "viewer" } } });
    expect(decide(approve, uma)).toEqual({ ok: false, refusal: { code: "not_permitted", facts: { role: "billing" } } });
  });

  it("refuses the requester deciding their own request, even as an admin", () => {
    const own = pendingRequest({ requester: { userId: ada.userId, name: ada.name } });
    expect(decide(approve, ada, own)).toEqual({ ok: false, refusal: { code: "own_request", facts: { siteNumber: "1234567" } } });
  });

  it("refuses deciding a Primary Contact claim: the vendor verifies it", () => {
    const claim = pendingRequest({ claimsPrimaryContact: true, state: "awaiting_vendor" });
    expect(decide(approve, pia, claim)).toEqual({ ok: false, refusal: { code: "awaiting_vendor", facts: { siteNumber: "1234567" } } });
  });

  it("keeps naming Secondary Contacts and the approval right to the Primary Contact and admins", () => {
    const secondary: AccessDecisionCommand = { ...approve, grant: { role: "secondary_contact", mayApprove: true, entitlements: ["reporting"] } };
    expect(decide(secondary, sam)).toEqual({
      ok: false,
      refusal: { code: "primary_contact_only", facts: { siteNumber: "1234567", primaryContact: "Pia", contactKnown: "yes" } },
    });
    expect(decide(secondary, pia).ok).toBe(true);
    expect(decide(secondary, ada).ok).toBe(true);
  });

  it("refuses a rejection without a reason or with one too long", () => {
    expect(decide({ ...reject, reason: "   " }, pia)).toEqual({ ok: false, refusal: { code: "reason_required", facts: {} } });
    expect(decide({ ...reject, reason: "x".repeat(DECISION_REASON_MAX + 1) }, pia)).toEqual({
      ok: false,
      refusal: { code: "reason_too_long", facts: { max: DECISION_REASON_MAX } },
    });
  });

  it("brings a removed user back on their old row", () => {
    const removed = { ...members[2]!, userId: rex.userId, name: rex.name, id: "su-rex", state: "removed" as const, version: 3 };
    const result = decideAccessRequest(pendingRequest(), approve, { ...context, members: [...members, removed] }, pia, now);
    expect(result.ok && result.value.siteUser).toMatchObject({ id: "su-rex", state: "active", version: 4 });
  });
});

describe("a decision clicked twice or by two deciders", () => {
  const approved = () => {
    const result = decide(approve, pia);
    if (!result.ok) throw new Error(result.refusal.code);
    return result.value.record;
  };

  it("treats the same decision sent again as a replay", () => {
    const result = decide(approve, pia, approved());
    expect(result.ok && isReplay(result.value)).toBe(true);
  });

  it("refuses the same decision id carrying other facts", () => {
    const other: AccessDecisionCommand = { ...approve, grant: { role: "user", mayApprove: false, entitlements: ["guided_selling"] } };
    expect(codeOf(decide(other, pia, approved()))).toBe("decision_conflict");
  });

  it("refuses a second decider, saying who decided and when", () => {
    expect(decide({ ...reject, decisionId: "d-2" }, sam, approved())).toEqual({
      ok: false,
      refusal: { code: "already_decided", facts: { state: "approved", by: "Pia", at: now } },
    });
  });
});

describe("the decision card's data", () => {
  it("reads the entitlement checkboxes in the vendor's order, each once", () => {
    const form = ZAccessDecisionForm.parse({ decision: "approve", nonce: "n-1", entitlements: "guided_selling,reporting,reporting" });
    expect(decisionCommand(form)).toEqual({
      ok: true,
      value: { kind: "approve", decisionId: "n-1", grant: { role: "user", mayApprove: false, entitlements: ["reporting", "guided_selling"] } },
    });
  });

  it("refuses an approval with no entitlement ticked, or an unknown one", () => {
    expect(decisionCommand(ZAccessDecisionForm.parse({ decision: "approve", nonce: "n" }))).toEqual({
      ok: false,
      refusal: { code: "entitlement_required", facts: {} },
    });
    expect(decisionCommand(ZAccessDecisionForm.parse({ decision: "approve", nonce: "n", entitlements: ["reporting", "price_files"] }))).toEqual({
      ok: false,
      refusal: { code: "entitlement_unknown", facts: { entitlement: "price_files" } },
    });
  });

  it("refuses an unknown site role, and the approval right for a plain user", () => {
    expect(decisionCommand(ZAccessDecisionForm.parse({ decision: "approve", nonce: "n", role: "owner", entitlements: "reporting" }))).toEqual({
      ok: false,
      refusal: { code: "site_role_unknown", facts: { role: "owner" } },
    });
    expect(decisionCommand(ZAccessDecisionForm.parse({ decision: "approve", nonce: "n", mayApprove: "true", entitlements: "reporting" }))).toEqual({
      ok: false,
      refusal: { code: "approval_right_needs_secondary_contact", facts: {} },
    });
  });

  it("reads a rejection with its reason", () => {
    expect(decisionCommand(ZAccessDecisionForm.parse({ decision: "reject", nonce: "n", reason: "No" }))).toEqual({
      ok: true,
      value: { kind: "reject", decisionId: "n", reason: "No" },
    });
  });
});
