// The outbound events: each mapping, remapping and unmapping, for the partner's billing system
// to apply. The payload names the provider account (ours, the provider's id, the tenant) and the
// customer record (ours and the partner's id); its schema is the domain's.
import { defineEvent, type EventCatalog } from "../../platform/events/define-event";
import { ZMappingEventSchema } from "./domain/mapping-events";

const schema = ZMappingEventSchema.meta({ id: "ProviderAccountMapping" });

export const providerAccountMapped = defineEvent("provideraccount.mapped", schema, "A provider account was mapped to a customer record.");
export const providerAccountRemapped = defineEvent(
  "provideraccount.remapped",
  schema,
  "An admin mapped a provider account to another customer record; previousCustomer names the one before.",
);
export const providerAccountUnmapped = defineEvent(
  "provideraccount.unmapped",
  schema,
  "An admin unmapped a provider account; previousCustomer names the record it was mapped to.",
);

export const MAPPING_EVENTS: EventCatalog = [providerAccountMapped, providerAccountRemapped, providerAccountUnmapped];
