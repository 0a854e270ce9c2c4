// Loads and saves provider accounts. A mapping change goes through the platform's decide-once:
// the account and the chosen customer record are read in the transaction, the domain decides,
// the new version is saved with a conditional update on (id, organisation, version), the audit
// entry appended and the event out emitted, all at once. Of two people mapping one account at
// once exactly one saves; the other is retried from a fresh read, where the domain refuses with
// who mapped it to what.
import type { Actor } from "../../../platform/domain/roles";
import { emitEvent } from "../../../platform/events/emit";
import { type AuditEntry as StoredAuditEntry, appendAuditEntries, listAudit } from "../../../platform/store/audit";
import type { Db, DbTx } from "../../../platform/store/db";
import { type DecideOnceOutcome, decideOnce } from "../../../platform/store/decide-once";
import type { CustomerRecord } from "../domain/customer-records";
import { type MappingTransition, mapProviderAccount, remapProviderAccount, unmapProviderAccount } from "../domain/mapping";
import type { AuditEntry, WorkflowActor } from "../domain/permissions";
import { type ProviderAccount, type ProviderAccountArrival, receiveProviderAccount, type TProviderAccountImport } from "../domain/provider-accounts";
import type { ProviderAccountRefusal, ProviderAccountResult } from "../domain/refusals";
import { MAPPING_EVENTS } from "../events";
import { findCustomerRecord, parseDomains } from "./customer-records";

export const PROVIDER_ACCOUNT_KIND = "providerAccount";
export const LIST_LIMIT = 10;

const include = { customerRecord: { select: { externalId: true, name: true } } } as const;
type AccountRow = Awaited<ReturnType<DbTx["providerAccount"]["findFirstOrThrow"]>> & {
  customerRecord: { externalId: string; name: string } | null;
};

export function toProviderAccount(row: AccountRow): ProviderAccount {
  const account: ProviderAccount = {
    id: row.id,
    organisationId: row.organisationId,
    provider: row.provider,
    providerAccountId: row.providerAccountId,
    name: row.name,
    domains: parseDomains(row.domains),
    ...(row.customerTenantId ? { customerTenantId: row.customerTenantId } : {}),
    appearedAt: row.appearedAt,
    state: row.state === "mapped" ? "mapped" : "unmapped",
    version: row.version,
  };
  if (row.state === "mapped" && row.customerRecordId && row.customerRecord && row.mappedAt) {
    account.mapping = {
      customerRecordId: row.customerRecordId,
      customerExternalId: row.customerRecord.externalId,
      customerName: row.customerRecord.name,
      at: row.mappedAt,
      byId: row.mappedById ?? "",
      byName: row.mappedByName ?? "",
      ...(row.mappingReason ? { reason: row.mappingReason } : {}),
    };
  }
  return account;
}

export async function findProviderAccount(db: DbTx, organisationId: string, id: string): Promise<ProviderAccount | undefined> {
  const row = await db.providerAccount.findFirst({ where: { organisationId, id }, include });
  return row ? toProviderAccount(row) : undefined;
}

export async function findProviderAccountByProviderId(
  db: DbTx,
  organisationId: string,
  provider: string,
  providerAccountId: string,
): Promise<ProviderAccount | undefined> {
  const row = await db.providerAccount.findFirst({ where: { organisationId, provider, providerAccountId }, include });
  return row ? toProviderAccount(row) : undefined;
}

export interface UnmappedPage {
  items: ProviderAccount[];
  total: number;
  next?: { appearedAt: Date; id: string };
}

/** Unmapped accounts, oldest first, a page at a time along (organisation, state, appearedAt). */
export async function listUnmapped(
  db: DbTx,
  organisationId: string,
  options: { limit?: number; after?: { appearedAt: Date; id: string } } = {},
): Promise<UnmappedPage> {
  const limit = options.limit ?? LIST_LIMIT;
  const where = { organisationId, state: "unmapped" as const };
  const { after } = options;
  const cursor = after ? { OR: [{ appearedAt: { gt: after.appearedAt } }, { appearedAt: after.appearedAt, id: { gt: after.id } }] } : {};
  const [rows, total] = await Promise.all([
    db.providerAccount.findMany({ where: { ...where, ...cursor }, orderBy: [{ appearedAt: "asc" }, { id: "asc" }], take: limit + 1, include }),
    db.providerAccount.count({ where }),
  ]);
  const items = rows.slice(0, limit).map(toProviderAccount);
  const last = items[items.length - 1];
  return { items, total, ...(rows.length > limit && last ? { next: { appearedAt: last.appearedAt, id: last.id } } : {}) };
}

/** Accounts mapped since `since`, newest first (at most `limit`). */
export async function listMappedSince(db: DbTx, organisationId: string, since: Date, limit = 50): Promise<ProviderAccount[]> {
  const rows = await db.providerAccount.findMany({
    where: { organisationId, state: "mapped", mappedAt: { gte: since } },
    orderBy: { mappedAt: "desc" },
    take: limit,
    include,
  });
  return rows.map(toProviderAccount);
}

export function workflowActor(actor: Pick<Actor, "aadObjectId" | "name" | "role">): WorkflowActor {
  return { userId: actor.aadObjectId, name: actor.name, role: actor.role };
}

export function storedAudit(
  entry: AuditEntry,
  record: { organisationId: string; id: string; version: number },
  kind: string,
  at: Date,
  actor?: { id?: string; name: string },
): StoredAuditEntry {
  return {
    organisationId: record.organisationId,
    recordKind: kind,
    recordId: record.id,
    recordVersion: record.version,
    at,
    action: entry.action,
    ...(actor?.id ? { actorId: actor.id } : {}),
    actorName: actor?.name ?? "Import",
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.before ? { before: entry.before as Record<string, unknown> } : {}),
    ...(entry.after ? { after: entry.after as Record<string, unknown> } : {}),
  };
}

export type MappingCommand =
  | { kind: "map"; customerRecordId: string }
  | { kind: "remap"; customerRecordId: string; reason?: string }
  | { kind: "unmap"; reason?: string };

type Loaded = { account: ProviderAccount; customer: CustomerRecord | undefined };
export type MappingOutcome = DecideOnceOutcome<Loaded, MappingTransition, ProviderAccountRefusal>;

/** Maps, remaps or unmaps one account, once, within the actor's organisation. */
export function changeMappingOnce(db: Db, actor: Actor, accountId: string, command: MappingCommand, now: Date): Promise<MappingOutcome> {
  const { organisationId } = actor;
  const who = workflowActor(actor);
  return decideOnce<Loaded, MappingTransition, ProviderAccountRefusal>(db, {
    load: async (tx) => {
      const account = await findProviderAccount(tx, organisationId, accountId);
      if (!account) return undefined;
      const customer = command.kind === "unmap" ? undefined : await findCustomerRecord(tx, organisationId, command.customerRecordId);
      return { account, customer };
    },
    decide: ({ account, customer }) => {
      const decided = decideMapping(account, customer, command, who, now);
      if (!decided.ok) return decided;
      const transition = decided.value;
      return {
        ok: true,
        value: {
          next: transition,
          audit: storedAudit(transition.audit, transition.record, PROVIDER_ACCOUNT_KIND, now, { id: actor.aadObjectId, name: actor.name }),
        },
      };
    },
    save: async (tx, { account }, transition) => {
      const { record } = transition;
      const { count } = await tx.providerAccount.updateMany({
        where: { id: account.id, organisationId, version: account.version },
        data: {
          state: record.state,
          customerRecordId: record.mapping?.customerRecordId ?? null,
          mappedAt: record.mapping?.at ?? null,
          mappedById: record.mapping?.byId ?? null,
          mappedByName: record.mapping?.byName ?? null,
          mappingReason: transition.audit.reason ?? null,
          version: record.version,
        },
      });
      return count === 1;
    },
    // The event out is the transaction's last write: no mapping without its event.
    after: async (tx, transition) => {
      const definition = MAPPING_EVENTS.find((event) => event.type === transition.event.type);
      if (definition) await emitEvent(tx, definition, { organisationId, data: transition.event, now });
    },
  });
}

function decideMapping(
  account: ProviderAccount,
  customer: CustomerRecord | undefined,
  command: MappingCommand,
  actor: WorkflowActor,
  now: Date,
): ProviderAccountResult<MappingTransition> {
  if (command.kind === "unmap")
    return unmapProviderAccount(account, { kind: "unmap", ...(command.reason !== undefined ? { reason: command.reason } : {}) }, actor, now);
  if (!customer) return { ok: false, refusal: { code: "customer_not_found", facts: { customerRecordId: command.customerRecordId } } };
  if (command.kind === "map") return mapProviderAccount(account, { kind: "map", customer }, actor, now);
  return remapProviderAccount(account, { kind: "remap", customer, ...(command.reason !== undefined ? { reason: command.reason } : {}) }, actor, now);
}

export type ArrivalOutcome = ProviderAccountResult<{ outcome: "appeared"; account: ProviderAccount } | { outcome: "replay"; account: ProviderAccount }>;

/**
 * A provider account received (import or API), inside the caller's transaction: it appears
 * unmapped with its audit entry, or is a replay. A unique key taken meanwhile throws, and the
 * caller retries its transaction (retryLostRaces).
 */
export async function receiveProviderAccountIn(
  tx: DbTx,
  organisationId: string,
  row: TProviderAccountImport,
  now: Date,
  actorName: string,
): Promise<ArrivalOutcome> {
  const provider = row.provider.trim();
  const existing = await findProviderAccountByProviderId(tx, organisationId, provider, row.providerAccountId);
  const received: ProviderAccountResult<ProviderAccountArrival> = receiveProviderAccount(existing, row, now);
  if (!received.ok) return received;
  if (received.value.outcome === "replay" && existing) return { ok: true, value: { outcome: "replay", account: existing } };
  if (received.value.outcome !== "appeared") throw new Error("a replay without a stored account");
  const { facts, audit } = received.value;
  const created = await tx.providerAccount.create({
    data: {
      organisationId,
      provider: facts.provider,
      providerAccountId: facts.providerAccountId,
      name: facts.name,
      domains: JSON.stringify(facts.domains),
      customerTenantId: facts.customerTenantId ?? null,
      appearedAt: facts.appearedAt,
    },
    include,
  });
  const account = toProviderAccount(created);
  await appendAuditEntries(tx, [storedAudit(audit, account, PROVIDER_ACCOUNT_KIND, now, { name: actorName })]);
  return { ok: true, value: { outcome: "appeared", account } };
}

export function listProviderAccountHistory(db: DbTx, organisationId: string, id: string): Promise<StoredAuditEntry[]> {
  return listAudit(db, organisationId, PROVIDER_ACCOUNT_KIND, id);
}
