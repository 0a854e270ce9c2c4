// A domain refusal becomes an API answer in one place, the same for every workflow's routes.
import { describe, expect, it } from "vitest";
import { refusalReply } from "../../../src/platform/http/write-route";

describe("a refusal answered by the API", () => {
  it("is 409 with its code, its English words and its facts", () => {
    const at = new Date("2026-11-20T09:00:00Z");
    expect(refusalReply({ code: "already_decided", facts: { state: "approved", by: "Megan Bowen", at } })).toEqual({
      status: 409,
      body: { error: "already_decided", message: "Already approved by Megan Bowen on Nov 20, 2026.", facts: { state: "approved", by: "Megan Bowen", at } },
    });
  });

  it("is 400 naming the body's field, under the record's path, when it is about one field", () => {
    expect(refusalReply({ code: "reason_required", facts: {} }, { fieldOf: { reason_required: "reason" }, path: "sites.2." })).toEqual({
      status: 400,
      body: { error: "invalid_request", fields: { "sites.2.reason": "Please give a reason for the rejection." } },
    });
    const future = refusalReply({
      code: "timestamp_in_future",
      facts: { field: "decidedAt", at: "2026-11-21T00:00:00.000Z", now: "2026-11-20T09:00:00.000Z", minutes: 5 },
    });
    expect(future).toMatchObject({ status: 400, body: { fields: { decidedAt: expect.stringContaining("is in the future") } } });
  });

  it("is 404 for a record that is not there", () => {
    expect(refusalReply({ code: "not_found", facts: {} })).toEqual({
      status: 404,
      body: { error: "not_found", message: "This record does not exist in your organisation." },
    });
  });

  it("reads the workflow's own words first, the platform's where it has none", () => {
    const own = refusalReply({ code: "not_admin", facts: {} }, { words: "voucher" });
    expect(own).toMatchObject({ status: 409, body: { error: "not_admin", message: expect.stringContaining("act on vouchers") } });
    expect(refusalReply({ code: "reason_too_long", facts: { max: 500 } }, { words: "voucher" })).toMatchObject({ body: { error: "reason_too_long" } });
  });
});
