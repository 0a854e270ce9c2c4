// Issue 17, "Site access": anyone in the organisation asks for access by site number, saying
// whether they believe they are its Primary Contact; a claim goes to the vendor instead.
import { describe, expect, it } from "vitest";
import { isOpen, openKeyOf, requestAccess, ZAccessRequestForm } from "../../../../src/workflows/site-access/domain/access-requests";
import { isReplay } from "../../../../src/workflows/site-access/domain/audit";
import { parseSiteNumber } from "../../../../src/workflows/site-access/domain/sites";
import { codeOf, members, now, pendingRequest, pia, rex, site, uma } from "./fixtures";

const context = { id: "req-9", organisationId: "org-1", site, members };
const form = { siteNumber: "1234567", claimsPrimaryContact: false, requestKey: "nonce-9" };

describe("asking for access to a site", () => {
  it("records a pending request for the site's deciders, from any role, viewers included", () => {
    const result = requestAccess(form, context, rex, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({
      id: "req-9",
      siteNumber: "1234567",
      state: "pending",
      requester: { userId: "aad-rex", name: "Rex" },
      requestedAt: now,
      version: 0,
    });
    expect(result.value.audit).toEqual([{ action: "requested", after: { siteNumber: "1234567", claimsPrimaryContact: false, state: "pending" } }]);
    expect(result.value.events).toEqual([]);
  });

  it("sends a Primary Contact claim to the vendor for verification instead of the deciders", () => {
    const result = requestAccess({ ...form, claimsPrimaryContact: true }, context, rex, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record.state).toBe("awaiting_vendor");
    expect(result.value.events).toEqual([
      {
        type: "siteAccess.primaryContactClaimed",
        requestId: "req-9",
        siteNumber: "1234567",
        claimant: { userId: "aad-rex", name: "Rex" },
        claimedAt: now.toISOString(),
      },
    ]);
  });

  it("accepts a Primary Contact claim for a site the bot does not know yet", () => {
    const result = requestAccess({ ...form, siteNumber: "7654321", claimsPrimaryContact: true }, { ...context, site: undefined, members: [] }, rex, now);
    expect(result.ok && result.value.record.state).toBe("awaiting_vendor");
  });

  it("refuses a request for an unknown site that claims no Primary Contact: nobody could decide it", () => {
    const result = requestAccess({ ...form, siteNumber: "7654321" }, { ...context, site: undefined, members: [] }, rex, now);
    expect(result).toEqual({ ok: false, refusal: { code: "site_not_found", facts: { siteNumber: "7654321" } } });
  });

  it("refuses a site number that is not one", () => {
    const result = requestAccess({ ...form, siteNumber: "site twelve" }, context, rex, now);
    expect(result).toEqual({ ok: false, refusal: { code: "site_number_invalid", facts: { siteNumber: "site twelve" } } });
  });

  it("refuses the site's own Primary Contact, claim or not", () => {
    for (const claimsPrimaryContact of [false, true]) {
      const result = requestAccess({ ...form, claimsPrimaryContact }, context, pia, now);
      expect(codeOf(result)).toBe("already_primary_contact");
    }
  });

  it("refuses someone already on the site's user list", () => {
    const result = requestAccess(form, context, uma, now);
    expect(result).toEqual({ ok: false, refusal: { code: "already_site_user", facts: { siteNumber: "1234567", name: "Uma" } } });
  });

  it("refuses a second open request for the same site, saying since when the first waits", () => {
    const openRequest = pendingRequest();
    const result = requestAccess(form, { ...context, openRequest }, rex, now);
    expect(result).toEqual({ ok: false, refusal: { code: "request_already_pending", facts: { siteNumber: "1234567", since: openRequest.requestedAt } } });
  });

  it("treats the same form sent again as a replay: nothing new is written", () => {
    const sameKey = pendingRequest({ requestKey: "nonce-9" });
    const result = requestAccess(form, { ...context, sameKey, openRequest: sameKey }, rex, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toBe(sameKey);
    expect(isReplay(result.value)).toBe(true);
  });

  it("refuses a form key reused with different facts", () => {
    const sameKey = pendingRequest({ requestKey: "nonce-9" });
    const result = requestAccess({ ...form, claimsPrimaryContact: true }, { ...context, sameKey }, rex, now);
    expect(codeOf(result)).toBe("request_id_reused");
  });

  it("keys one open request per person and site, and frees the key once decided", () => {
    expect(openKeyOf(pendingRequest())).toBe("1234567:aad-rex");
    expect(openKeyOf(pendingRequest({ state: "awaiting_vendor" }))).toBe("1234567:aad-rex");
    expect(openKeyOf(pendingRequest({ state: "rejected" }))).toBeUndefined();
  });

  it("counts pending and awaiting-vendor requests as open, decided ones not", () => {
    expect(["pending", "awaiting_vendor", "approved", "rejected"].map((state) => isOpen({ state: state as never }))).toEqual([true, true, false, false]);
  });
});

describe("site numbers and the request form", () => {
  it("reads #1234567, 123 4567 and 123-4567 as site 1234567 and keeps leading zeros", () => {
    for (const input of ["1234567", "#1234567", " 123 4567 ", "123-4567"]) expect(parseSiteNumber(input)).toEqual({ ok: true, value: "1234567" });
    expect(parseSiteNumber("0007123456")).toEqual({ ok: true, value: "0007123456" });
  });

  it("refuses too short, too long and lettered site numbers", () => {
    for (const input of ["123", "1234567890123", "12a4567", ""]) expect(parseSiteNumber(input).ok).toBe(false);
  });

  it("reads the card's toggle as a boolean", () => {
    expect(ZAccessRequestForm.parse({ siteNumber: "1234567", claimsPrimaryContact: "true", nonce: "n" }).claimsPrimaryContact).toBe(true);
    expect(ZAccessRequestForm.parse({ siteNumber: "1234567", claimsPrimaryContact: "false", nonce: "n" }).claimsPrimaryContact).toBe(false);
    expect(ZAccessRequestForm.safeParse({ siteNumber: "1234567", claimsPrimaryContact: "yes", nonce: "n" }).success).toBe(false);
  });
});
