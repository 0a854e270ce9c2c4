// Per-organisation API keys for machine callers of /api/v1. A key is shown once, when it is
// made; only its SHA-256 is stored, with a short prefix so an admin can tell keys apart.
// `write` includes `read`. Revoking keeps the row (its last use stays visible).
import { createHash, randomBytes } from "node:crypto";
import type { DbTx } from "./db";

export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKeyInfo {
  id: string;
  organisationId: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: Date;
  lastUsedAt?: Date;
  revokedAt?: Date;
}

const PREFIX_LENGTH = 12;
/** Last-used times are written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export async function createApiKey(db: DbTx, input: { organisationId: string; name: string; scope: ApiKeyScope }): Promise<{ key: string; info: ApiKeyInfo }> {
  const key = `pob_${randomBytes(24).toString("base64url")}`;
  const row = await db.apiKey.create({
    data: { organisationId: input.organisationId, name: input.name, scope: input.scope, prefix: key.slice(0, PREFIX_LENGTH), hash: hashApiKey(key) },
  });
  return { key, info: toInfo(row) };
}

export async function listApiKeys(db: DbTx, organisationId: string): Promise<ApiKeyInfo[]> {
  return (await db.apiKey.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" } })).map(toInfo);
}

export async function revokeApiKey(db: DbTx, organisationId: string, id: string, now: Date): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({ where: { id, organisationId, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}

/** The live key with this value, its use recorded; undefined for an unknown or revoked key. */
export async function useApiKey(db: DbTx, key: string, now: Date): Promise<ApiKeyInfo | undefined> {
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!row || row.revokedAt) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    row.lastUsedAt = now;
  }
  return toInfo(row);
}

type Row = Awaited<ReturnType<DbTx["apiKey"]["findFirstOrThrow"]>>;

function toInfo(row: Row): ApiKeyInfo {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope === "write" ? "write" : "read",
    createdAt: row.createdAt,
    ...(row.lastUsedAt ? { lastUsedAt: row.lastUsedAt } : {}),
    ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}),
  };
}
