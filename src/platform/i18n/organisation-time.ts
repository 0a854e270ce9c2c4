// Deadlines set by the organisation's rule (a vendor window that closes when day 2 ends in
// the organisation's zone) read in the reader's own zone; when the reader's clock reads otherwise
// at that instant, the message also says the moment in the organisation's zone, named, so a
// reader in Paris of an organisation on UTC sees both "00:59" and "23:59 UTC".
import { wallClock } from "../domain/zoned-time";
import { type Translator, translator } from "./translator";

export interface OrganisationMoment {
  /** ICU select value: "differ" when the reader's wall clock and the organisation's read differently at the instant. */
  zones: "same" | "differ";
  /** The instant as a date and time in the organisation's zone, with the zone named. */
  inOrganisation: string;
}

export function organisationMoment(t: Translator, at: Date, organisationTimeZone: string): OrganisationMoment {
  const reader = wallClock(at, t.timeZone);
  const organisation = wallClock(at, organisationTimeZone);
  const same = (Object.keys(reader) as (keyof typeof reader)[]).every((field) => reader[field] === organisation[field]);
  return {
    zones: same ? "same" : "differ",
    inOrganisation: translator(t.locale, organisationTimeZone, "organisation").formatDateTime(at),
  };
}
