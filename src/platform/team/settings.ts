// The organisation's settings an admin changes in Teams: its time zone, when its morning
// reminders run and how long a request may wait for approval. Unset, the deployment's own
// (REMINDERS_CRON, REMINDERS_PENDING_SLA_HOURS). Checked here, saved with a team version bump
// and an audit entry like every team change.
import { z } from "zod";
import { isIanaTimeZone } from "../domain/time-zone";
import { type Result, accept, refuse } from "../domain/result";
import type { Role } from "../domain/roles";
import type { ReminderSettings } from "../reminders/settings";
import type { Organisation } from "../store/organisations";

export interface OrganisationSettings {
  timeZone: string;
  /** "HH:MM", or null for the deployment's schedule. */
  reminderTime: string | null;
  pendingApprovalSlaHours: number | null;
}

export const SETTINGS_REFUSALS = ["time_zone_invalid", "reminder_time_invalid", "sla_hours_invalid"] as const;

/** What the settings form sends: text fields, empty meaning "the deployment's". */
export const ZSettingsFormSchema = z.object({
  timeZone: z.string().max(100).default(""),
  reminderTime: z.string().max(20).default(""),
  pendingApprovalSlaHours: z.string().max(20).default(""),
});

export type TSettingsForm = z.infer<typeof ZSettingsFormSchema>;

const MAX_SLA_HOURS = 24 * 90;

/** The form's values as settings, or the first field that is wrong, named. */
export function readSettingsForm(actor: { role: Role }, form: TSettingsForm): Result<OrganisationSettings> {
  if (actor.role !== "admin") return refuse("not_permitted", { role: actor.role });
  const timeZone = form.timeZone.trim();
  if (!isIanaTimeZone(timeZone)) return refuse("time_zone_invalid", { field: "timeZone", value: timeZone });
  const time = form.reminderTime.trim();
  if (time !== "" && !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(time)) return refuse("reminder_time_invalid", { field: "reminderTime", value: time });
  const hoursText = form.pendingApprovalSlaHours.trim();
  const hours = hoursText === "" ? null : Number(hoursText);
  if (hours !== null && (!Number.isInteger(hours) || hours < 1 || hours > MAX_SLA_HOURS)) {
    return refuse("sla_hours_invalid", { field: "pendingApprovalSlaHours", value: hoursText, max: MAX_SLA_HOURS });
  }
  return accept({ timeZone, reminderTime: time === "" ? null : time, pendingApprovalSlaHours: hours });
}

export function settingsOf(organisation: Organisation): OrganisationSettings {
  return {
    timeZone: organisation.timeZone,
    reminderTime: organisation.reminderTime ?? null,
    pendingApprovalSlaHours: organisation.pendingApprovalSlaHours ?? null,
  };
}

/** The deployment's reminder settings with what the organisation's admins set instead. */
export function reminderSettingsFor(settings: ReminderSettings, organisation: Organisation): ReminderSettings {
  const time = organisation.reminderTime;
  const [hour, minute] = time ? time.split(":").map(Number) : [];
  return {
    ...settings,
    ...(hour !== undefined && minute !== undefined ? { cron: `${minute} ${hour} * * *` } : {}),
    ...(organisation.pendingApprovalSlaHours ? { pendingApprovalSlaHours: organisation.pendingApprovalSlaHours } : {}),
  };
}
