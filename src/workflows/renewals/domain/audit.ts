// What a renewal change records; the store adds who and when from the actor and the clock.
import type { RenewalLineItem } from "./line-items";

export const RENEWAL_AUDIT_ACTIONS = ["imported", "updated_from_report", "quoted", "requoted", "renewed", "lost"] as const;
export type RenewalAuditAction = (typeof RENEWAL_AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: RenewalAuditAction;
  reason?: string;
  before?: object;
  after?: object;
}

/** The item as it now stands and what history gains; no entries means a replay: nothing to write. */
export interface RenewalChange {
  record: RenewalLineItem;
  audit: AuditEntry[];
}
