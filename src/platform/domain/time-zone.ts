// IANA time zone names: deadlines end at midnight in an organisation's or a reader's zone.
// Every personal message carries one to check: a name found valid is remembered (there are a
// few hundred), so the check builds an Intl formatter once per zone, not once per turn.
const valid = new Set<string>();

export function isIanaTimeZone(value: string): boolean {
  if (valid.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
  } catch {
    return false;
  }
  valid.add(value);
  return true;
}
