// Every way a voucher rule says no. Each code has words in the catalogs
// (voucher.refusal.<code>) that use its facts. A day in the facts travels as a Date: the first
// instant of that day in the organisation's zone (calendar-days.ts, startOfDay), so it reads
// as that day wherever the card shows dates in the organisation's zone.
export const VOUCHER_REFUSALS = [
  // who may act
  "not_admin",
  // the strict order assigned -> reserved -> scheduled -> delivered -> redeemed -> invoiced -> paid
  "step_out_of_order",
  "step_already_done",
  "voucher_expired",
  // validating an ID typed or pasted in Teams
  "voucher_id_invalid",
  "voucher_unknown",
  "voucher_assigned_elsewhere",
  "voucher_already_reserved",
  // reserving and cancelling
  "administrator_email_mismatch",
  "terms_not_accepted",
  "partner_not_eligible",
  "engagement_type_unknown",
  "cancellation_reason_required",
  "note_required",
  "note_too_long",
  // scheduling
  "consultant_unknown",
  "consultant_not_eligible",
  "date_invalid",
  "schedule_ends_before_start",
  "schedule_in_past",
  "schedule_unchanged",
  // the completion report
  "delivered_before_start",
  "delivered_in_future",
  "deliverables_required",
  "too_many_deliverables",
  "text_too_long",
  "contact_name_required",
  "email_invalid",
  // the invoice and the vendor's payment
  "invoice_number_invalid",
  "amount_invalid",
  "currency_invalid",
  "invoice_currency_mismatch",
  "invoice_exceeds_voucher",
  "payment_reference_invalid",
  "paid_before_invoice",
  "payment_conflict",
  // the vendor's records coming in
  "import_conflict",
] as const;
export type VoucherRefusal = (typeof VOUCHER_REFUSALS)[number];
