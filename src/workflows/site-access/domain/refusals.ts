// Every way a site-access rule says no. Each code carries the facts its card words need
// (messages/<locale>/site-access.json, "siteAccess.refusal.<code>").
import type { Result } from "../../../platform/domain/result";

export const SITE_ACCESS_REFUSALS = [
  "not_permitted",
  "not_site_decider",
  "primary_contact_only",
  "own_request",
  "site_number_invalid",
  "site_not_found",
  "site_name_required",
  "already_primary_contact",
  "already_site_user",
  "not_site_user",
  "request_already_pending",
  "request_id_reused",
  "awaiting_vendor",
  "not_awaiting_vendor",
  "already_decided",
  "decision_conflict",
  "verification_conflict",
  "reason_required",
  "reason_too_long",
  "entitlement_required",
  "entitlement_unknown",
  "site_role_unknown",
  "approval_right_needs_secondary_contact",
  "sla_days_invalid",
  "timestamp_in_future",
  "timestamp_before_event",
] as const;
export type SiteAccessRefusal = (typeof SITE_ACCESS_REFUSALS)[number];

export type SiteAccessResult<T> = Result<T, SiteAccessRefusal>;
