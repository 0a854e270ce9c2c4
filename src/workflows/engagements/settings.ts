// The engagement workflow's settings, merged into the configuration (Workflow.settings) and
// validated at start-up with the rest; README.md documents each.
import { z } from "zod";
import { listSetting, type TConfig } from "../../platform/config";

export const DEFAULT_BILLING_CURRENCIES = ["EUR", "USD", "GBP", "IDR"];

export const ENGAGEMENT_SETTINGS = {
  // The currencies the add-entry form offers, the first preselected; entries in others are refused.
  BILLING_CURRENCIES: listSetting
    .pipe(z.array(z.string().regex(/^[A-Z]{3}$/, "must be ISO 4217 codes such as EUR,USD")))
    .transform((codes) => (codes.length > 0 ? codes : DEFAULT_BILLING_CURRENCIES)),
} satisfies z.ZodRawShape;

/** The currencies this deployment bills in; the defaults when the configuration was read without this workflow's settings. */
export function billingCurrencies(config: TConfig): string[] {
  const codes = config.BILLING_CURRENCIES;
  return Array.isArray(codes) ? (codes as string[]) : DEFAULT_BILLING_CURRENCIES;
}
