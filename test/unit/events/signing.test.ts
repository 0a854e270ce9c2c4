// Standard Webhooks signing, checked against the specification's published example, and the
// example receiver's verification against our signer.
import { describe, expect, it } from "vitest";
import { verify } from "../../../examples/webhook-receiver";
import { newWebhookSecret, signature, signedHeaders, verifyWebhook } from "../../../src/platform/events/signing";

const SPEC = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const at = new Date(SPEC.timestamp * 1000);
const specHeaders = { "webhook-id": SPEC.id, "webhook-timestamp": String(SPEC.timestamp), "webhook-signature": SPEC.signature };

describe("Standard Webhooks signatures", () => {
  it("reproduces the specification's example signature", () => {
    expect(signature(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
    expect(signedHeaders(SPEC.secret, SPEC.id, at, SPEC.body)).toEqual(specHeaders);
  });

  it("verifies the example, one of several signatures, and refuses a changed body or another secret", () => {
    expect(verifyWebhook(SPEC.secret, specHeaders, SPEC.body, at)).toEqual({ ok: true, id: SPEC.id });
    expect(verifyWebhook(SPEC.secret, { ...specHeaders, "webhook-signature": `v1,bm9wZQ== ${SPEC.signature}` }, SPEC.body, at).ok).toBe(true);
    expect(verifyWebhook(SPEC.secret, specHeaders, '{"test": 2432232315}', at)).toEqual({ ok: false, refusal: "bad_signature" });
    expect(verifyWebhook(newWebhookSecret(), specHeaders, SPEC.body, at)).toEqual({ ok: false, refusal: "bad_signature" });
  });

  it("refuses a timestamp more than five minutes away, and missing headers", () => {
    expect(verifyWebhook(SPEC.secret, specHeaders, SPEC.body, new Date(at.getTime() + 301_000))).toEqual({ ok: false, refusal: "timestamp_out_of_range" });
    expect(verifyWebhook(SPEC.secret, specHeaders, SPEC.body, new Date(at.getTime() - 301_000))).toEqual({ ok: false, refusal: "timestamp_out_of_range" });
    expect(verifyWebhook(SPEC.secret, { "webhook-id": SPEC.id }, SPEC.body, at)).toEqual({ ok: false, refusal: "missing_headers" });
  });

  it("makes secrets of 24 random bytes in the whsec_ form", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it("is what the example receiver accepts", () => {
    expect(verify(SPEC.secret, SPEC.id, String(SPEC.timestamp), SPEC.signature, SPEC.body, SPEC.timestamp)).toBe(true);
    expect(verify(SPEC.secret, SPEC.id, String(SPEC.timestamp), SPEC.signature, SPEC.body, SPEC.timestamp + 301)).toBe(false);
    expect(verify(SPEC.secret, SPEC.id, String(SPEC.timestamp), "v1,forged", SPEC.body, SPEC.timestamp)).toBe(false);
  });
});
