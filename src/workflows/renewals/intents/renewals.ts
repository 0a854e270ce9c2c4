// "Renewals due in the next 90 days for Contoso", "renouvellements à échéance dans 30 jours",
// "perpanjangan yang jatuh tempo 90 hari ke depan": the number of days comes from the words
// (the whole 180-day horizon when none is said), the customer from the names of the customers
// the organisation has renewals for.
import type { IntentHandler } from "../../../platform/bot/intents/types";
import type { TurnScope } from "../../../platform/bot/turn-scope";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { parseDueWindow } from "../domain/due-lists";
import { RENEWAL_HORIZON_DAYS } from "../domain/horizon";
import { dueLineItems, dueListCard } from "../answers";

/** Words in company names that say nothing about which company it is. */
const LEGAL_FORMS = new Set(["pt", "tbk", "cv", "ltd", "limited", "inc", "llc", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "plc", "co", "corp", "the"]);

export function normaliseWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("en")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The number of days asked for: the first number in the words, if any. */
export function daysAsked(text: string): number | undefined {
  const match = /(?:^|\D)(\d{1,4})(?!\d)/.exec(text.replace(/[A-Za-z]+-\d+/g, ""));
  return match ? Number(match[1]) : undefined;
}

/** The customer the words name: every distinctive word of its name, or a distinctive word of only one customer. */
export function customerAsked(text: string, customers: readonly string[]): string | undefined {
  const words = new Set(normaliseWords(text));
  const distinctive = (name: string) => normaliseWords(name).filter((word) => word.length >= 3 && !LEGAL_FORMS.has(word));
  const full = customers.find((name) => {
    const own = distinctive(name);
    return own.length > 0 && own.every((word) => words.has(word));
  });
  if (full) return full;
  const partial = customers.filter((name) => distinctive(name).some((word) => words.has(word)));
  return partial.length === 1 ? partial[0] : undefined;
}

async function renewalsDue(scope: TurnScope, text: string) {
  const asked = daysAsked(text) ?? RENEWAL_HORIZON_DAYS;
  const window = parseDueWindow(asked);
  if (!window.ok) return { text: refusalText(scope.t, window.refusal, "renewal") };
  const names = [...new Set((await dueLineItems(scope, RENEWAL_HORIZON_DAYS)).map((item) => item.customerName.trim()))];
  const customer = customerAsked(text, names);
  return { card: await dueListCard(scope, { days: window.value, ...(customer ? { customer } : {}) }) };
}

export const renewalIntents: Record<string, IntentHandler> = {
  "renewal.due": (scope, _recognition, text) => renewalsDue(scope, text),
};
