// What /api/messages lets through to botbuilder. botbuilder validates an activity outside its
// own error handling, so a body with a non-string `type` or `serviceUrl` would come back as a
// 500 carrying its internal message: the envelope is checked here first, and refused with a
// generic 400. In open local mode (no app id, no authentication) replies go wherever the body's
// serviceUrl points, so only loopback addresses, or those SERVICE_URL_ALLOW_LIST names, pass.
import { isIP } from "node:net";
import { z } from "zod";

const id = z.string().max(1024);
const account = z.looseObject({ id: id.optional(), name: z.string().max(1024).optional(), aadObjectId: id.optional() });

export const ZActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: id.optional(),
  name: z.string().max(256).optional(),
  channelId: z.string().max(256).optional(),
  serviceUrl: z.string().max(2048).optional(),
  locale: z.string().max(64).optional(),
  text: z.string().optional(),
  replyToId: id.optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z.looseObject({ id: id.optional(), tenantId: id.optional(), conversationType: z.string().max(64).optional() }).optional(),
  channelData: z.looseObject({}).optional(),
});

export type DoorVerdict = { ok: true } | { ok: false; status: 400; message: string };

const INVALID: DoorVerdict = { ok: false, status: 400, message: "not a valid activity" };

export function checkActivityEnvelope(body: unknown, openMode: boolean, allowedServiceUrls: readonly string[]): DoorVerdict {
  const parsed = ZActivityEnvelopeSchema.safeParse(body);
  if (!parsed.success) return INVALID;
  if (!openMode) return { ok: true };
  const serviceUrl = parsed.data.serviceUrl;
  if (serviceUrl === undefined || !isReplyAddressAllowed(serviceUrl, allowedServiceUrls)) {
    return { ok: false, status: 400, message: "in local mode replies go only to a loopback serviceUrl (see SERVICE_URL_ALLOW_LIST)" };
  }
  return { ok: true };
}

/** A loopback http(s) URL, or one starting with an allow-listed prefix. */
export function isReplyAddressAllowed(serviceUrl: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.username || url.password) return false;
  if (allowed.some((prefix) => serviceUrl.startsWith(prefix))) return true;
  return isLoopbackHost(url.hostname);
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1";
  return false;
}
