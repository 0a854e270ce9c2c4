// Who is calling /api/v1: an organisation's API key (read or write scope), or the deprecated
// single VENDOR_API_KEY, which may act for any organisation named in the body, as before
// per-organisation keys. A route that reads or writes an organisation's records checks that
// the caller may act for it (mayActFor), so one organisation's key never reaches another's.
import type restify from "restify";
import type { Services } from "../services";
import { type ApiKeyScope, useApiKey } from "../store/api-keys";
import { apiKeyMatches, presentedApiKey } from "./api-key";

export type ApiCaller = { kind: "organisation"; organisationId: string; scope: ApiKeyScope; keyId: string; keyName: string } | { kind: "vendor_api_key" };

export type CallerCheck = { ok: true; caller: ApiCaller } | { ok: false; status: 401 | 403; body: object };

export async function authenticateApiCaller(req: restify.Request, services: Services, needed: ApiKeyScope): Promise<CallerCheck> {
  const presented = presentedApiKey(req.headers);
  if (presented) {
    const key = await useApiKey(services.db, presented, services.clock());
    if (key) {
      if (needed === "write" && key.scope !== "write") return { ok: false, status: 403, body: { error: "forbidden", message: "this API key is read-only" } };
      return { ok: true, caller: { kind: "organisation", organisationId: key.organisationId, scope: key.scope, keyId: key.id, keyName: key.name } };
    }
    if (apiKeyMatches(presented, services.config.VENDOR_API_KEY)) return { ok: true, caller: { kind: "vendor_api_key" } };
  }
  return { ok: false, status: 401, body: { error: "unauthorized", message: "a valid API key is required (Authorization: Bearer <key> or X-Api-Key)" } };
}

export function mayActFor(caller: ApiCaller, organisationId: string): boolean {
  return caller.kind === "vendor_api_key" || caller.organisationId === organisationId;
}

/** Answers 401/403 and returns undefined when the caller may not; the caller otherwise. */
export async function requireApiCaller(req: restify.Request, res: restify.Response, services: Services, needed: ApiKeyScope): Promise<ApiCaller | undefined> {
  const check = await authenticateApiCaller(req, services, needed);
  if (check.ok) return check.caller;
  if (check.status === 401) res.header("WWW-Authenticate", 'Bearer realm="partner-ops"');
  res.send(check.status, check.body);
  return undefined;
}
