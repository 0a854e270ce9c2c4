// Hours and minutes the way each language's short time style writes them ("9:17 AM", "09:17",
// "09.17"). Intl refuses timeZoneName beside timeStyle, and naming a zone needs it, so formats
// spell the fields out; on a 24-hour clock the short style pads the hour.
const cache = new Map<string, Pick<Intl.DateTimeFormatOptions, "hour" | "minute">>();

export function shortTimeFields(locale: string): Pick<Intl.DateTimeFormatOptions, "hour" | "minute"> {
  let fields = cache.get(locale);
  if (!fields) {
    const { hourCycle } = new Intl.DateTimeFormat(locale, { timeStyle: "short" }).resolvedOptions();
    fields = { hour: hourCycle === "h11" || hourCycle === "h12" ? "numeric" : "2-digit", minute: "2-digit" };
    cache.set(locale, fields);
  }
  return fields;
}
