// The refusal codes the engagement workflow's rules answer with, beside the platform's
// (src/platform/domain/result.ts); each has its words, "refusal.<code>", in messages/.
export const ENGAGEMENT_REFUSALS = [
  "invalid_state",
  // billing entries (domain/billing*.ts, money.ts) and completion (domain/engagement-completion.ts)
  "field_required",
  "month_invalid",
  "billing_month_in_future",
  "billing_window_closed",
  "quantity_invalid",
  "unit_cost_invalid",
  "unit_invalid",
  "currency_invalid",
  "currency_not_offered",
  "notes_too_long",
  "not_billable",
  "billing_after_completion",
  "not_rejected",
  "already_resubmitted",
  "amount_invalid",
  "decision_id_reused",
  "completion_not_requested",
] as const;

export type EngagementRefusalCode = (typeof ENGAGEMENT_REFUSALS)[number];
