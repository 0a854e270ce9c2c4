// Every way this workflow says no. Each code has words in messages/<locale>/provider-accounts.json
// ("providerAccount.refusal.<code>"), with the refusal's facts as the message's arguments.
import { accept as acceptWith, type Result, refuse as refuseWith, type RefusalFacts } from "../../../platform/domain/result";

export const PROVIDER_ACCOUNT_REFUSALS = [
  "not_permitted",
  "field_required",
  "text_too_long",
  "domain_invalid",
  "tenant_id_invalid",
  "reason_required",
  "reason_too_long",
  "customer_not_found",
  "already_mapped",
  "not_mapped",
  "same_customer",
  "provider_account_conflict",
  "request_already_accepted",
  "request_withdrawn",
  "not_sender",
  "time_in_future",
  "acceptance_before_sent",
  "acceptance_conflict",
  "tenant_mismatch",
] as const;
export type ProviderAccountRefusal = (typeof PROVIDER_ACCOUNT_REFUSALS)[number];

export type ProviderAccountResult<T> = Result<T, ProviderAccountRefusal>;

export function accept<T>(value: T): ProviderAccountResult<T> {
  return acceptWith<T, ProviderAccountRefusal>(value);
}

/** `refuse` bound to this workflow's codes, so a misspelt code fails to compile. */
export function refuse<T = never>(code: ProviderAccountRefusal, facts: RefusalFacts = {}): ProviderAccountResult<T> {
  return refuseWith<T, ProviderAccountRefusal>(code, facts);
}
