// The partner's standing at a glance: its enrolments and competencies with the day each must be
// renewed by, soonest first ("when must we re-enrol?"), counted on the organisation's calendar.
import { type CalendarDate, daysBetween, today } from "./calendar-days";
import type { PartnerStanding } from "./eligibility";

export interface Renewal {
  kind: "enrolment" | "competency";
  /** The offering, or the competency's name. */
  name: string;
  lastDay: CalendarDate;
  /** 0 on the last day, negative once lapsed. */
  daysLeft: number;
}

export function renewalsByDate(standing: PartnerStanding, timeZone: string, now: Date): Renewal[] {
  const day = today(timeZone, now);
  const renewals: Renewal[] = [
    ...standing.enrolments.map((enrolment) => ({ kind: "enrolment" as const, name: enrolment.offering, lastDay: enrolment.anniversaryOn })),
    ...standing.competencies.map((competency) => ({ kind: "competency" as const, name: competency.name, lastDay: competency.validThrough })),
  ].map((renewal) => ({ ...renewal, daysLeft: daysBetween(day, renewal.lastDay) }));
  return renewals.sort((a, b) => a.lastDay.localeCompare(b.lastDay) || a.name.localeCompare(b.name));
}
