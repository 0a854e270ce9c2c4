// Issue 17, "Site access": a request claiming the site's Primary Contact is verified by the
// vendor; the vendor's answer comes back inbound, idempotent by its id.
import { describe, expect, it } from "vitest";
import {
  applyPrimaryContactVerification,
  type TPrimaryContactVerification,
  VENDOR_REASON_MAX,
  ZPrimaryContactVerification,
} from "../../../../src/workflows/site-access/domain/primary-contact-claims";
import { codeOf, now, pendingRequest, site } from "./fixtures";

const claim = pendingRequest({ claimsPrimaryContact: true, state: "awaiting_vendor" });
const confirmed = ZPrimaryContactVerification.parse({ verificationId: "v-1", requestId: "req-1", outcome: "confirmed" });
const denied: Extract<TPrimaryContactVerification, { outcome: "denied" }> = {
  verificationId: "v-1",
  requestId: "req-1",
  outcome: "denied",
  reason: " Not the contact on file ",
};
const context = { site, organisationId: "org-1", newSiteId: "site-new" };

describe("the vendor's answer to a Primary Contact claim", () => {
  it("confirms: the request is approved and the requester becomes the site's Primary Contact", () => {
    const result = applyPrimaryContactVerification(claim, confirmed, context, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({
      state: "approved",
      version: 1,
      decision: { decisionId: "v-1", by: { userId: "vendor", name: "Vendor" }, at: now, outcome: "approved" },
    });
    expect(result.value.site).toMatchObject({ id: "site-1", primaryContact: { userId: "aad-rex", name: "Rex" }, version: 3 });
    expect(result.value.siteAudit).toEqual([
      {
        action: "primary_contact_changed",
        before: { primaryContact: { userId: "aad-pia", name: "Pia" } },
        after: { primaryContact: { userId: "aad-rex", name: "Rex" } },
      },
    ]);
  });

  it("creates the site the bot did not know, with the name the vendor gives", () => {
    const answer = ZPrimaryContactVerification.parse({ verificationId: "v-1", requestId: "req-1", outcome: "confirmed", siteName: "Fabrikam Reseller" });
    const result = applyPrimaryContactVerification(claim, answer, { ...context, site: undefined }, now);
    expect(result.ok && result.value.site).toEqual({
      id: "site-new",
      organisationId: "org-1",
      siteNumber: "1234567",
      name: "Fabrikam Reseller",
      primaryContact: { userId: "aad-rex", name: "Rex" },
      version: 0,
    });
  });

  it("refuses a confirmation for an unknown site that gives no site name", () => {
    expect(applyPrimaryContactVerification(claim, confirmed, { ...context, site: undefined }, now)).toEqual({
      ok: false,
      refusal: { code: "site_name_required", facts: { siteNumber: "1234567" } },
    });
  });

  it("denies: the request is rejected with the vendor's reason and the site is untouched", () => {
    const result = applyPrimaryContactVerification(claim, denied, context, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({ state: "rejected", decision: { outcome: "rejected", reason: "Not the contact on file" } });
    expect(result.value.site).toBeUndefined();
  });

  it("refuses a denial without a reason or with one too long", () => {
    expect(codeOf(applyPrimaryContactVerification(claim, { ...denied, reason: "" }, context, now))).toBe("reason_required");
    expect(codeOf(applyPrimaryContactVerification(claim, { ...denied, reason: "x".repeat(VENDOR_REASON_MAX + 1) }, context, now))).toBe("reason_too_long");
  });

  it("treats the same answer sent again as a replay, and refuses the same id with the other outcome", () => {
    const first = applyPrimaryContactVerification(claim, confirmed, context, now);
    if (!first.ok) throw new Error(first.refusal.code);
    const again = applyPrimaryContactVerification(first.value.record, confirmed, context, now);
    expect(again.ok && again.value.audit).toEqual([]);
    expect(codeOf(applyPrimaryContactVerification(first.value.record, denied, context, now))).toBe("verification_conflict");
    expect(codeOf(applyPrimaryContactVerification(first.value.record, { ...denied, verificationId: "v-2" }, context, now))).toBe("already_decided");
  });

  it("refuses an answer to a request that made no claim", () => {
    expect(applyPrimaryContactVerification(pendingRequest(), confirmed, context, now)).toEqual({
      ok: false,
      refusal: { code: "not_awaiting_vendor", facts: { state: "pending" } },
    });
  });

  it("refuses an answer dated in the future or before the claim", () => {
    expect(codeOf(applyPrimaryContactVerification(claim, { ...confirmed, decidedAt: new Date("2026-11-25T10:06:00Z") }, context, now))).toBe(
      "timestamp_in_future",
    );
    expect(codeOf(applyPrimaryContactVerification(claim, { ...confirmed, decidedAt: new Date("2026-11-22T00:00:00Z") }, context, now))).toBe(
      "timestamp_before_event",
    );
  });

  it("records the vendor's own decision time when it gives one", () => {
    const decidedAt = new Date("2026-11-24T09:00:00Z");
    const result = applyPrimaryContactVerification(claim, { ...confirmed, decidedAt }, context, now);
    expect(result.ok && result.value.record.decision?.at).toEqual(decidedAt);
  });
});
