// The event out for each mapping, remapping and unmapping: delivered to the partner's integration,
// which applies it in the billing platform. It names both sides by the ids that system knows
// (the provider's account id, the partner's customer record id) as well as by ours.
import { z } from "zod";
import type { ProviderAccount } from "./provider-accounts";

export const MAPPING_EVENT_TYPES = ["provideraccount.mapped", "provideraccount.remapped", "provideraccount.unmapped"] as const;

const ZCustomerRefSchema = z.object({ id: z.string(), externalId: z.string(), name: z.string() });

export const ZMappingEventSchema = z.object({
  type: z.enum(MAPPING_EVENT_TYPES),
  organisationId: z.string(),
  at: z.iso.datetime(),
  providerAccount: z.object({
    id: z.string(),
    provider: z.string(),
    providerAccountId: z.string(),
    customerTenantId: z.string().optional(),
  }),
  /** The customer record the account is mapped to now; absent once unmapped. */
  customer: ZCustomerRefSchema.optional(),
  /** The customer record it was mapped to before a remap or an unmap. */
  previousCustomer: ZCustomerRefSchema.optional(),
  by: z.string(),
  reason: z.string().optional(),
});
export type MappingEvent = z.infer<typeof ZMappingEventSchema>;

export function mappingEvent(
  before: ProviderAccount,
  after: ProviderAccount,
  type: MappingEvent["type"],
  { by, at, reason }: { by: string; at: Date; reason: string | undefined },
): MappingEvent {
  return {
    type,
    organisationId: after.organisationId,
    at: at.toISOString(),
    providerAccount: {
      id: after.id,
      provider: after.provider,
      providerAccountId: after.providerAccountId,
      ...(after.customerTenantId ? { customerTenantId: after.customerTenantId } : {}),
    },
    ...(after.mapping ? { customer: customerRef(after.mapping) } : {}),
    ...(before.mapping ? { previousCustomer: customerRef(before.mapping) } : {}),
    by,
    ...(reason ? { reason } : {}),
  };
}

function customerRef(mapping: NonNullable<ProviderAccount["mapping"]>) {
  return { id: mapping.customerRecordId, externalId: mapping.customerExternalId, name: mapping.customerName };
}
