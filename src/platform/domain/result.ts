// How a rule says yes or no. A refusal carries a stable code and the facts a card needs to
// explain it; it is mapped to words in exactly one place (src/bot/refusals.ts).
export type RefusalCode =
  | "not_found"
  | "not_permitted"
  | "already_decided"
  | "invalid_state"
  | "reason_required"
  | "reason_too_long"
  | "invalid_input"
  // billing (src/domain/billing*.ts, money.ts, engagement-completion.ts)
  | "field_required"
  | "month_invalid"
  | "billing_month_in_future"
  | "billing_window_closed"
  | "quantity_invalid"
  | "unit_cost_invalid"
  | "unit_invalid"
  | "currency_invalid"
  | "currency_not_offered"
  | "notes_too_long"
  | "not_billable"
  | "billing_after_completion"
  | "not_rejected"
  | "already_resubmitted"
  | "amount_invalid"
  | "decision_id_reused"
  | "completion_not_requested"
  // times reported by other systems (src/domain/reported-time.ts)
  | "timestamp_in_future"
  | "timestamp_before_event";

export type RefusalFacts = Record<string, string | number | Date | undefined>;

/** A workflow names its own codes (`Result<T, UsageReportRefusal>`); the default is today's set. */
export interface Refusal<C extends string = RefusalCode> {
  code: C;
  facts: RefusalFacts;
}

export type Result<T, C extends string = RefusalCode> = { ok: true; value: T } | { ok: false; refusal: Refusal<C> };

export const accept = <T, C extends string = RefusalCode>(value: T): Result<T, C> => ({ ok: true, value });

export const refuse = <T = never, C extends string = RefusalCode>(code: C, facts: RefusalFacts = {}): Result<T, C> => ({
  ok: false,
  refusal: { code, facts },
});
