// The one place where a domain refusal becomes words: catalog key "refusal.<code>", with the
// refusal's facts as the message's values.
import type { Refusal } from "../domain/result";
import type { Translator } from "./translator";

export function refusalText(t: Translator, refusal: Refusal): string {
  const values = Object.fromEntries(Object.entries(refusal.facts).map(([key, value]) => [key, value ?? ""]));
  return t.t(`refusal.${refusal.code}`, values);
}
