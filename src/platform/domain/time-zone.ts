// IANA time zone names: deadlines end at midnight in an organisation's or a reader's zone.
export function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
