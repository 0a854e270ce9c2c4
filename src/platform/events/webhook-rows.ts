// How a webhook delivery is kept in the outbox: one row per (endpoint, event), its recipient
// naming the endpoint, so the outbox's per-recipient claims keep one endpoint's backlog from
// holding up another's, and Teams delivery never picks these rows up.
import { type OutboxRecipient, WEBHOOK_RECIPIENT_PREFIX } from "../store/outbox";

export const WEBHOOK_KIND = "webhook";

export function webhookRecipient(endpointId: string): OutboxRecipient {
  return { type: "webhook", endpointId };
}

export function endpointIdOf(recipientKey: string): string {
  return recipientKey.slice(WEBHOOK_RECIPIENT_PREFIX.length);
}

export function webhookDedupeKey(endpointId: string, eventId: string): string {
  return `webhook:${endpointId}:${eventId}`;
}
