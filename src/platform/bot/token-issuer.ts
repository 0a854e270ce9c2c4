// A look at an inbound token's claims before botbuilder sees it. botframework-connector's
// emulator check adds four issuers to a module-global list for every new `tid` claim it meets,
// before any signature is checked: unsigned tokens with random tenant ids would grow that list
// without end. A token is handed on only if its (unverified) issuer is the Bot Connector's or
// one the emulator list already holds, and its tenant id, if any, is one that list knows.
import { ToBotFromBotOrEmulatorTokenValidationParameters } from "botframework-connector/lib/auth/tokenValidationParameters.js";

export const BOT_CONNECTOR_ISSUERS = ["https://api.botframework.com", "https://api.botframework.us"];

/** The emulator issuers botbuilder ships with, before any token has been seen. */
const EMULATOR_ISSUERS: readonly string[] = [...(ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[])];

export interface IssuerRules {
  /** The channel issuer configured (ToBotFromChannelTokenIssuer), if not the public one. */
  channelIssuer?: string;
  /** The bot's own tenant (MicrosoftAppTenantId): its single-tenant emulator issuers are accepted. */
  tenantId?: string;
}

/** Undefined when botbuilder may check the header, else why it is refused. */
export function refusedAuthorization(header: string, rules: IssuerRules): string | undefined {
  if (header === "") return undefined;
  const [scheme, token, ...rest] = header.split(" ");
  if (scheme !== "Bearer" || !token || rest.length > 0) return "not a bearer token";
  const claims = unverifiedClaims(token);
  if (!claims) return "not a JSON web token";
  const issuer = claims.iss;
  const tenantId = claims.tid;
  if (typeof issuer !== "string") return "no issuer";
  const known = knownIssuers(rules);
  if (!known.includes(issuer)) return "unknown issuer";
  if (tenantId !== undefined && (typeof tenantId !== "string" || !known.some((known) => known.includes(tenantId)))) return "unknown tenant";
  return undefined;
}

function knownIssuers(rules: IssuerRules): string[] {
  const tenant = rules.tenantId ? [`https://sts.windows.net/${rules.tenantId}/`, `https://login.microsoftonline.com/${rules.tenantId}/v2.0`] : [];
  return [...BOT_CONNECTOR_ISSUERS, ...(rules.channelIssuer ? [rules.channelIssuer] : []), ...EMULATOR_ISSUERS, ...tenant];
}

function unverifiedClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return claims && typeof claims === "object" && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
