// The one place where a domain refusal becomes words: catalog key "refusal.<code>", with the
// refusal's facts as the message's values. A workflow with words of its own passes its prefix
// (its `refusalWords`): "ticket.refusal.<code>" is read first, the platform's after.
import type { Refusal } from "../domain/result";
import { allCatalogs } from "./catalog";
import type { Translator } from "./translator";

export function refusalText(t: Translator, refusal: Refusal, prefix?: string): string {
  const values = Object.fromEntries(Object.entries(refusal.facts).map(([key, value]) => [key, value ?? ""]));
  return t.t(refusalKey(t, refusal.code, prefix), values);
}

/** The catalog key that words `code`: the workflow's own when its catalog has one. */
export function refusalKey(t: Pick<Translator, "locale">, code: string, prefix?: string): string {
  const own = prefix ? `${prefix}.refusal.${code}` : undefined;
  return own && allCatalogs().get(t.locale)?.has(own) ? own : `refusal.${code}`;
}
