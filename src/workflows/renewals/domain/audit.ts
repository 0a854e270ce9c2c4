// What a renewal change records; the store adds who and when from the actor and the clock.
import type { RenewalLineItem } from "./line-items";

export interface AuditEntry {
  action: string;
  reason?: string;
  before?: object;
  after?: object;
}

/** The item as it now stands and what history gains; no entries means a replay: nothing to write. */
export interface RenewalChange {
  record: RenewalLineItem;
  audit: AuditEntry[];
}
