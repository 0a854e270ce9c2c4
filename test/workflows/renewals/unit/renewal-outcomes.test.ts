// Issue 17, "Renewals": a line item can be marked quoted (with the quote number), renewed or
// lost (with a reason), each audited; renewed and lost are final.
import { describe, expect, it } from "vitest";
import { LOST_REASON_MAX, workRenewal } from "../../../../src/workflows/renewals/domain/renewal-outcomes";
import { ada, ari, bea, codeOf, lineItem, vic } from "./fixtures";

describe("working a renewal line item", () => {
  it("marks an open item quoted with the quote number, audited", () => {
    const result = workRenewal(lineItem(), { kind: "quote", quoteNumber: " Q-2027-0042 " }, bea);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({ state: "quoted", quoteNumber: "Q-2027-0042", version: 1 });
    expect(result.value.audit).toEqual([{ action: "quoted", before: { state: "open" }, after: { state: "quoted", quoteNumber: "Q-2027-0042" } }]);
  });

  it("replaces the quote number of a quoted item with a revised quote", () => {
    const result = workRenewal(lineItem({ state: "quoted", quoteNumber: "Q-1" }), { kind: "quote", quoteNumber: "Q-2" }, bea);
    expect(result.ok && result.value.audit).toEqual([
      { action: "requoted", before: { state: "quoted", quoteNumber: "Q-1" }, after: { state: "quoted", quoteNumber: "Q-2" } },
    ]);
  });

  it("treats the same quote number again as a replay", () => {
    const result = workRenewal(lineItem({ state: "quoted", quoteNumber: "Q-1" }), { kind: "quote", quoteNumber: "Q-1" }, bea);
    expect(result.ok && result.value.audit).toEqual([]);
  });

  it("refuses a missing or malformed quote number", () => {
    expect(codeOf(workRenewal(lineItem(), { kind: "quote", quoteNumber: "  " }, bea))).toBe("quote_number_required");
    expect(workRenewal(lineItem(), { kind: "quote", quoteNumber: "Q 42!" }, bea)).toEqual({
      ok: false,
      refusal: { code: "quote_number_invalid", facts: { quoteNumber: "Q 42!", max: 30 } },
    });
  });

  it("marks an open or quoted item renewed; renewed again is a replay", () => {
    for (const state of ["open", "quoted"] as const) {
      const result = workRenewal(lineItem({ state }), { kind: "renew" }, bea);
      expect(result.ok && result.value.audit).toEqual([{ action: "renewed", before: { state }, after: { state: "renewed" } }]);
    }
    const again = workRenewal(lineItem({ state: "renewed" }), { kind: "renew" }, bea);
    expect(again.ok && again.value.audit).toEqual([]);
  });

  it("marks an item lost with its reason; the same reason again is a replay", () => {
    const result = workRenewal(lineItem(), { kind: "lose", reason: " Customer moved to a competitor " }, bea);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({ state: "lost", lostReason: "Customer moved to a competitor" });
    expect(result.value.audit).toEqual([{ action: "lost", reason: "Customer moved to a competitor", before: { state: "open" }, after: { state: "lost" } }]);
    const again = workRenewal(result.value.record, { kind: "lose", reason: "Customer moved to a competitor" }, bea);
    expect(again.ok && again.value.audit).toEqual([]);
  });

  it("refuses losing without a reason or with one too long", () => {
    expect(codeOf(workRenewal(lineItem(), { kind: "lose", reason: "" }, bea))).toBe("reason_required");
    expect(workRenewal(lineItem(), { kind: "lose", reason: "x".repeat(LOST_REASON_MAX + 1) }, bea)).toEqual({
      ok: false,
      refusal: { code: "reason_too_long", facts: { max: LOST_REASON_MAX } },
    });
  });

  it("refuses changing a renewed or lost item, saying which it is", () => {
    expect(workRenewal(lineItem({ state: "renewed" }), { kind: "lose", reason: "late" }, bea)).toEqual({
      ok: false,
      refusal: { code: "renewal_closed", facts: { state: "renewed", agreementNumber: "2024-AG-7731", lineItem: "001" } },
    });
    expect(codeOf(workRenewal(lineItem({ state: "lost", lostReason: "price" }), { kind: "renew" }, bea))).toBe("renewal_closed");
    expect(codeOf(workRenewal(lineItem({ state: "lost", lostReason: "price" }), { kind: "quote", quoteNumber: "Q-9" }, bea))).toBe("renewal_closed");
    expect(codeOf(workRenewal(lineItem({ state: "lost", lostReason: "price" }), { kind: "lose", reason: "budget" }, bea))).toBe("renewal_closed");
  });
});

describe("who may work renewals", () => {
  it("lets billing users and admins work any item", () => {
    expect(codeOf(workRenewal(lineItem(), { kind: "renew" }, bea))).toBe("accepted");
    expect(codeOf(workRenewal(lineItem(), { kind: "renew" }, ada))).toBe("accepted");
  });

  it("lets an approver work the accounts they own, and no others", () => {
    expect(codeOf(workRenewal(lineItem({ ownerUserId: ari.userId }), { kind: "renew" }, ari))).toBe("accepted");
    expect(workRenewal(lineItem(), { kind: "renew" }, ari)).toEqual({ ok: false, refusal: { code: "not_permitted", facts: { role: "approver" } } });
  });

  it("refuses a viewer, even as the account's owner", () => {
    expect(codeOf(workRenewal(lineItem({ ownerUserId: vic.userId }), { kind: "renew" }, vic))).toBe("not_permitted");
  });
});
