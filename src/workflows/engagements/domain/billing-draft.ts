// What a billing user fills in before submitting an entry, checked field by field so the form
// can show every problem at once, next to the field, with the user's values kept.
import { type BillableEngagement, checkBillableMonth } from "./billing-eligibility";
import type { UsageMonth } from "./billing-window";
import { QUANTITY_LIMITS, UNIT_COST_LIMITS, lineAmount, parseCurrency, parseDecimal } from "./money";
import type { Refusal, RefusalCode } from "../../../platform/domain/result";
import { normaliseFreeText } from "../../../platform/domain/text";

/** Units a quantity is counted in; their names are catalog keys ("billing.unit.<unit>"). */
export const BILLING_UNITS = ["hour", "day", "month", "user", "device", "license", "instance", "gb", "tb", "unit"] as const;
export type BillingUnit = (typeof BILLING_UNITS)[number];

export const NOTES_MAX = 1000;

export const DRAFT_FIELDS = ["quantity", "unit", "unitCost", "currency", "month", "notes"] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** Raw values as they come from a form or an import: anything may be missing or wrong. */
export type BillingDraftInput = Partial<Record<"quantity" | "unitCost", string | number>> & Partial<Record<"unit" | "currency" | "month" | "notes", string>>;

export interface BillingDraft {
  quantity: string;
  unit: BillingUnit;
  unitCost: string;
  currency: string;
  month: UsageMonth;
  notes?: string;
  /** quantity x unit cost, rounded half-even to the currency's minor units. */
  amount: string;
}

export type DraftProblems = Partial<Record<DraftField, Refusal>>;
export type DraftCheck = { ok: true; value: BillingDraft } | { ok: false; problems: DraftProblems };

export function isBillingUnit(value: string): value is BillingUnit {
  return (BILLING_UNITS as readonly string[]).includes(value);
}

/** What a draft is checked against: the engagement it bills, at `now`, in the organisation's zone. */
export interface DraftRules {
  engagement: BillableEngagement;
  timeZone: string;
  now: Date;
  /** ISO 4217 codes the organisation bills in (BILLING_CURRENCIES): a form's choices are not a check, card data is forged at will. */
  currencies: readonly string[];
}

/** Checks every field against the rules; the month must be one the engagement can bill now. */
export function checkBillingDraft(input: BillingDraftInput, rules: DraftRules): DraftCheck {
  const problems: DraftProblems = {};
  const quantity = decimalField(input.quantity, "quantity", "quantity_invalid", QUANTITY_LIMITS, problems);
  const unitCost = decimalField(input.unitCost, "unitCost", "unit_cost_invalid", UNIT_COST_LIMITS, problems);
  const unit = textField(input.unit, "unit", problems);
  if (unit !== undefined && !isBillingUnit(unit)) problems.unit = refusal("unit_invalid", { unit: unit.slice(0, 20) });
  const currencyText = textField(input.currency, "currency", problems);
  const currency = currencyText === undefined ? undefined : parseCurrency(currencyText);
  if (currency && !currency.ok) problems.currency = currency.refusal;
  else if (currency?.ok && !rules.currencies.includes(currency.value)) {
    problems.currency = refusal("currency_not_offered", { currency: currency.value, offered: rules.currencies.join(", ") });
  }
  const month = textField(input.month, "month", problems);
  const window = month === undefined ? undefined : checkBillableMonth(rules.engagement, month, rules.timeZone, rules.now);
  if (window && !window.ok) problems.month = window.refusal;
  const notes = normaliseFreeText(input.notes);
  if (notes.length > NOTES_MAX) problems.notes = refusal("notes_too_long", { max: NOTES_MAX, length: notes.length });

  if (Object.keys(problems).length > 0 || !quantity || !unitCost || !unit || !currency?.ok || !month) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      quantity,
      unit: unit as BillingUnit,
      unitCost,
      currency: currency.value,
      month,
      ...(notes ? { notes } : {}),
      amount: lineAmount(quantity, unitCost, currency.value),
    },
  };
}

function decimalField(
  value: string | number | undefined,
  field: "quantity" | "unitCost",
  code: RefusalCode,
  limits: typeof QUANTITY_LIMITS,
  problems: DraftProblems,
): string | undefined {
  if (value === undefined || (typeof value === "string" && value.trim() === "")) {
    problems[field] = refusal("field_required", { field });
    return undefined;
  }
  const parsed = parseDecimal(value, limits);
  if (parsed.ok) return parsed.value;
  problems[field] = refusal(code, { rule: parsed.rule, maxDecimals: limits.maxDecimals, below: limits.below });
  return undefined;
}

function textField(value: string | undefined, field: DraftField, problems: DraftProblems): string | undefined {
  const text = (value ?? "").trim();
  if (text === "") {
    problems[field] = refusal("field_required", { field });
    return undefined;
  }
  return text;
}

function refusal(code: RefusalCode, facts: Refusal["facts"]): Refusal {
  return { code, facts };
}
