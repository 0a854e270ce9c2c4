// Requests left waiting (issue: "Reminders"): a pending access request becomes overdue once it
// has waited the organisation's configured number of days, counted on the wall clock of the
// organisation's zone (same local time N days later, across daylight-saving changes), and is
// then brought to its deciders: the site's Primary Contact and approving Secondary Contacts, or
// the organisation's admins when the site has none.
import { accept, refuse } from "../../../platform/domain/result";
import { wallClock, zonedTimeToUtc } from "../../../platform/domain/zoned-time";
import type { Role } from "../../../platform/domain/roles";
import type { AccessRequest } from "./access-requests";
import { siteAccessPermissions } from "./permissions";
import type { SiteAccessResult } from "./refusals";
import { type Person, type Site, type SiteUser, siteDeciders } from "./sites";

export const PENDING_SLA_DAYS_DEFAULT = 3;
export const PENDING_SLA_DAYS_MIN = 1;
export const PENDING_SLA_DAYS_MAX = 30;

/** The organisation setting, as typed by an admin or stored: whole days within bounds. */
export function parsePendingSlaDays(input: string | number): SiteAccessResult<number> {
  const text = String(input).trim();
  const days = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(days) || days < PENDING_SLA_DAYS_MIN || days > PENDING_SLA_DAYS_MAX) {
    return refuse("sla_days_invalid", { value: text.slice(0, 10), min: PENDING_SLA_DAYS_MIN, max: PENDING_SLA_DAYS_MAX });
  }
  return accept(days);
}

export function pendingOverdueAt(request: Pick<AccessRequest, "requestedAt">, slaDays: number, timeZone: string): Date {
  const asked = wallClock(request.requestedAt, timeZone);
  return zonedTimeToUtc({ ...asked, day: asked.day + slaDays }, timeZone);
}

export type ReminderRecipients = { kind: "people"; people: Person[] } | { kind: "roles"; roles: readonly string[] };

export interface PendingReminder {
  requestId: string;
  siteNumber: string;
  dueAt: Date;
  recipients: ReminderRecipients;
}

/** The reminder a request is owed at `now`, or none: only pending requests past their SLA. */
export function pendingReminder(
  request: AccessRequest,
  site: Site,
  members: readonly SiteUser[],
  settings: { slaDays: number; timeZone: string },
  /** The organisation's users' bot roles: a contact whose role cannot decide is not asked to. */
  roles: ReadonlyMap<string, Role>,
  now: Date,
): PendingReminder | undefined {
  if (request.state !== "pending") return undefined;
  const dueAt = pendingOverdueAt(request, settings.slaDays, settings.timeZone);
  if (now.getTime() < dueAt.getTime()) return undefined;
  // The requester is never asked to decide their own request, even as a site contact.
  const people = siteDeciders(site, members).filter((person) => {
    const role = roles.get(person.userId);
    return person.userId !== request.requester.userId && role !== undefined && siteAccessPermissions.can(role, "siteAccess.decide");
  });
  const recipients: ReminderRecipients =
    people.length > 0 ? { kind: "people", people } : { kind: "roles", roles: siteAccessPermissions.rolesWith("siteAccess.configure") };
  return { requestId: request.id, siteNumber: request.siteNumber, dueAt, recipients };
}
