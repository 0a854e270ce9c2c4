// API keys for machine callers of /api/v1 (the vendor's decision feed). The key may come as
// "Authorization: Bearer <key>" or "X-Api-Key: <key>". Both sides are hashed first, so the
// constant-time comparison runs on equal-length digests and leaks neither content nor length.
import { createHash, timingSafeEqual } from "node:crypto";

type Headers = Record<string, string | string[] | undefined>;

export function presentedApiKey(headers: Headers): string | undefined {
  const authorization = single(headers.authorization);
  const bearer = authorization ? /^Bearer\s+(.+)$/i.exec(authorization.trim())?.[1] : undefined;
  return bearer ?? single(headers["x-api-key"])?.trim() ?? undefined;
}

/** False when no key is configured: an endpoint without a key is closed, never open. */
export function apiKeyMatches(presented: string | undefined, expected: string): boolean {
  if (!expected || !presented) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
