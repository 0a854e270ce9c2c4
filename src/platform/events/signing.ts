// Standard Webhooks signatures (standardwebhooks.com): HMAC-SHA256, keyed by the base64 bytes
// after "whsec_", over "<webhook-id>.<webhook-timestamp>.<body>", sent as "v1,<base64>" in
// `webhook-signature` (several space-separated when a secret is being rotated). Verification
// compares in constant time and refuses timestamps more than five minutes from now, so a
// captured delivery cannot be replayed later.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const SECRET_PREFIX = "whsec_";
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** A new endpoint secret: 24 random bytes, in the spec's "whsec_" form. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString("base64");
}

function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

export function signature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", secretBytes(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export function signedHeaders(secret: string, id: string, at: Date, body: string): WebhookHeaders {
  const timestamp = Math.floor(at.getTime() / 1000);
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signature(secret, id, timestamp, body) };
}

export type VerifyRefusal = "missing_headers" | "timestamp_out_of_range" | "bad_signature";

export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now: Date,
): { ok: true; id: string } | { ok: false; refusal: VerifyRefusal } {
  const id = single(headers["webhook-id"]);
  const timestamp = single(headers["webhook-timestamp"]);
  const signatures = single(headers["webhook-signature"]);
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return { ok: false, refusal: "missing_headers" };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, refusal: "timestamp_out_of_range" };
  const expected = Buffer.from(signature(secret, id, Number(timestamp), body));
  const matches = signatures.split(" ").some((candidate) => {
    const presented = Buffer.from(candidate);
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  });
  return matches ? { ok: true, id } : { ok: false, refusal: "bad_signature" };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
