// Mapping a provider account to the organisation's customer record: billing users and admins map
// an unmapped account; once mapped, only an admin remaps or unmaps it, with a reason. Each change
// is one audit entry and one event out, for the partner's billing system to apply.
import type { CustomerRecord } from "./customer-records";
import { type AuditEntry, checkPermission, type WorkflowActor } from "./permissions";
import type { Mapping, ProviderAccount } from "./provider-accounts";
import { type MappingEvent, mappingEvent } from "./mapping-events";
import { accept, type ProviderAccountResult, refuse } from "./refusals";

export const MAPPING_REASON_MAX = 500;

export interface MappingTransition {
  record: ProviderAccount;
  audit: AuditEntry;
  event: MappingEvent;
}

export type MapCommand = { kind: "map"; customer: CustomerRecord };
export type RemapCommand = { kind: "remap"; customer: CustomerRecord; reason?: string };
export type UnmapCommand = { kind: "unmap"; reason?: string };

export function mapProviderAccount(account: ProviderAccount, command: MapCommand, actor: WorkflowActor, now: Date): ProviderAccountResult<MappingTransition> {
  const permitted = checkPermission(actor, "providerAccount.map");
  if (!permitted.ok) return permitted;
  if (account.state === "mapped") return refuse("already_mapped", alreadyMappedFacts(account.mapping));
  const customer = customerOf(account, command.customer);
  if (!customer.ok) return customer;
  return accept(transition(account, mappingTo(command.customer, actor, now), "provideraccount.mapped", actor, now));
}

export function remapProviderAccount(
  account: ProviderAccount,
  command: RemapCommand,
  actor: WorkflowActor,
  now: Date,
): ProviderAccountResult<MappingTransition> {
  const checked = checkChange(account, actor, command.reason);
  if (!checked.ok) return checked;
  const customer = customerOf(account, command.customer);
  if (!customer.ok) return customer;
  if (checked.value.mapping.customerRecordId === command.customer.id) {
    return refuse("same_customer", { customerName: command.customer.name });
  }
  const mapping = { ...mappingTo(command.customer, actor, now), reason: checked.value.reason };
  return accept(transition(account, mapping, "provideraccount.remapped", actor, now));
}

export function unmapProviderAccount(
  account: ProviderAccount,
  command: UnmapCommand,
  actor: WorkflowActor,
  now: Date,
): ProviderAccountResult<MappingTransition> {
  const checked = checkChange(account, actor, command.reason);
  if (!checked.ok) return checked;
  return accept(transition(account, undefined, "provideraccount.unmapped", actor, now, checked.value.reason));
}

/** What a card needs to say "already mapped to Contoso by Ana on 3 December". */
function alreadyMappedFacts(mapping: Mapping | undefined) {
  return { customerName: mapping?.customerName, customerRecordId: mapping?.customerRecordId, by: mapping?.byName, at: mapping?.at };
}

function customerOf(account: ProviderAccount, customer: CustomerRecord): ProviderAccountResult<CustomerRecord> {
  // A customer record of another organisation is, to this one, a record that does not exist.
  if (customer.organisationId !== account.organisationId) return refuse("customer_not_found", { customerRecordId: customer.id });
  return accept(customer);
}

/** The checks a remap and an unmap share: an admin, a mapped account, a reason. */
function checkChange(
  account: ProviderAccount,
  actor: WorkflowActor,
  rawReason: string | undefined,
): ProviderAccountResult<{ mapping: Mapping; reason: string }> {
  const permitted = checkPermission(actor, "providerAccount.remap");
  if (!permitted.ok) return permitted;
  if (account.state !== "mapped" || !account.mapping) return refuse("not_mapped", { providerAccountName: account.name });
  const reason = (rawReason ?? "").trim();
  if (!reason) return refuse("reason_required");
  if (reason.length > MAPPING_REASON_MAX) return refuse("reason_too_long", { max: MAPPING_REASON_MAX });
  return accept({ mapping: account.mapping, reason });
}

function mappingTo(customer: CustomerRecord, actor: WorkflowActor, now: Date): Mapping {
  return {
    customerRecordId: customer.id,
    customerExternalId: customer.externalId,
    customerName: customer.name,
    at: now,
    byId: actor.userId,
    byName: actor.name,
  };
}

function transition(
  account: ProviderAccount,
  mapping: Mapping | undefined,
  action: MappingEvent["type"],
  actor: WorkflowActor,
  now: Date,
  reason = mapping?.reason,
): MappingTransition {
  const record: ProviderAccount = { ...account, state: mapping ? "mapped" : "unmapped", version: account.version + 1 };
  if (mapping) record.mapping = mapping;
  else delete record.mapping;
  const audit: AuditEntry = {
    action,
    ...(reason ? { reason } : {}),
    before: auditView(account),
    after: auditView(record),
  };
  return { record, audit, event: mappingEvent(account, record, action, { by: actor.name, at: now, reason }) };
}

function auditView(account: ProviderAccount) {
  return account.mapping
    ? { state: account.state, customerRecordId: account.mapping.customerRecordId, customerName: account.mapping.customerName }
    : { state: account.state };
}
