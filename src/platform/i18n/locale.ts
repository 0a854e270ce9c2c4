// The languages the bot speaks. A Teams locale ("fr-FR", "id-ID", "en-GB") maps to one of
// them; anything else falls back to English.
export const LOCALES = ["en", "fr", "id"] as const;
export type Locale = (typeof LOCALES)[number];

export function resolveLocale(tag: string | undefined | null): Locale {
  const language = (tag ?? "").toLowerCase().split(/[-_]/)[0];
  // "in" is the legacy ISO 639 code for Indonesian, still sent by some Android clients.
  if (language === "in") return "id";
  return (LOCALES as readonly string[]).includes(language ?? "") ? (language as Locale) : "en";
}
