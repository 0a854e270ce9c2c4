// What a site-access change records; the store adds who and when from the actor and the clock.
export const SITE_ACCESS_AUDIT_ACTIONS = [
  "site_added",
  "site_renamed",
  "requested",
  "approved",
  "rejected",
  "primary_contact_confirmed",
  "primary_contact_denied",
  "primary_contact_changed",
  "user_added",
  "user_updated",
  "user_removed",
] as const;
export type SiteAccessAuditAction = (typeof SITE_ACCESS_AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: SiteAccessAuditAction;
  reason?: string;
  before?: object;
  after?: object;
}

/** A transition: the record as it now stands, what history gains, what the vendor must learn. */
export interface Change<R, E> {
  record: R;
  /** Empty when the command was a replay of one already applied: nothing is written or sent. */
  audit: AuditEntry[];
  events: E[];
}

export function isReplay(change: { audit: readonly AuditEntry[] }): boolean {
  return change.audit.length === 0;
}
