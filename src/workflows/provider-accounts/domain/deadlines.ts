// What is due when, for whom. An unmapped provider account is overdue from the moment it
// appears: billing users hear of it every day until it is mapped, admins too once it has waited
// three days. A relationship request not accepted after the configured number of days is worth a
// follow-up by its sender, from local midnight of that day in the organisation's zone.
import type { Role } from "../../../platform/domain/roles";
import { wallClock, zonedMidnight } from "../../../platform/domain/zoned-time";
import type { ProviderAccount } from "./provider-accounts";
import type { RelationshipRequest } from "./relationship-requests";
import { ADMIN_ESCALATION_DAYS, type TProviderAccountSettings } from "./settings";

const DAY_MS = 86_400_000;

export interface Waiting<T> {
  item: T;
  /** Whole days waited so far (0 on the first day). */
  days: number;
  hours: number;
}

function waited<T>(item: T, since: Date, now: Date): Waiting<T> {
  const ms = Math.max(0, now.getTime() - since.getTime());
  return { item, days: Math.floor(ms / DAY_MS), hours: Math.floor(ms / 3_600_000) };
}

/** Unmapped accounts, oldest first, with how long each has been unmapped. */
export function unmappedOldestFirst(accounts: readonly ProviderAccount[], now: Date): Waiting<ProviderAccount>[] {
  return accounts
    .filter((account) => account.state === "unmapped")
    .sort((a, b) => a.appearedAt.getTime() - b.appearedAt.getTime() || a.name.localeCompare(b.name))
    .map((account) => waited(account, account.appearedAt, now));
}

/** Admins hear of an account once it has been unmapped for three whole days (72 hours). */
export function escalatesToAdmins(account: Pick<ProviderAccount, "state" | "appearedAt">, now: Date): boolean {
  return account.state === "unmapped" && now.getTime() - account.appearedAt.getTime() >= ADMIN_ESCALATION_DAYS * DAY_MS;
}

export interface UnmappedDigestItem {
  count: number;
  /** Oldest first. */
  accounts: Waiting<ProviderAccount>[];
}

/**
 * The one daily digest item a person of `role` gets: billing users every unmapped account,
 * admins those waiting three days or more (or all of them where no billing user can map them),
 * nobody else anything. Undefined when there is nothing to say.
 */
export function unmappedDigestFor(
  role: Role,
  accounts: readonly ProviderAccount[],
  now: Date,
  organisation: { billingUsers: number },
): UnmappedDigestItem | undefined {
  const shown = shownTo(role, unmappedOldestFirst(accounts, now), now, organisation);
  return shown.length > 0 ? { count: shown.length, accounts: shown } : undefined;
}

function shownTo(role: Role, unmapped: Waiting<ProviderAccount>[], now: Date, organisation: { billingUsers: number }): Waiting<ProviderAccount>[] {
  if (role === "billing") return unmapped;
  if (role !== "admin") return [];
  if (organisation.billingUsers === 0) return unmapped;
  return unmapped.filter(({ item }) => escalatesToAdmins(item, now));
}

/** The first instant the sender should follow a request up: local midnight, N days after the day it was sent. */
export function followUpDueAt(request: Pick<RelationshipRequest, "sentAt">, settings: TProviderAccountSettings, timeZone: string): Date {
  const sent = wallClock(request.sentAt, timeZone);
  return zonedMidnight({ year: sent.year, month: sent.month, day: sent.day + settings.invitationFollowUpDays }, timeZone);
}

export function isFollowUpDue(
  request: Pick<RelationshipRequest, "sentAt" | "state">,
  settings: TProviderAccountSettings,
  timeZone: string,
  now: Date,
): boolean {
  return request.state === "sent" && now.getTime() >= followUpDueAt(request, settings, timeZone).getTime();
}

export interface FollowUpReminder {
  senderId: string;
  senderName: string;
  /** Oldest first: the customer's name and when it was sent are on each request. */
  requests: Waiting<RelationshipRequest>[];
}

/** Requests due a follow-up, one reminder per sender. */
export function followUpReminders(
  requests: readonly RelationshipRequest[],
  settings: TProviderAccountSettings,
  timeZone: string,
  now: Date,
): FollowUpReminder[] {
  const bySender = new Map<string, FollowUpReminder>();
  for (const request of invitationsAwaitingAcceptance(requests)) {
    if (!isFollowUpDue(request, settings, timeZone, now)) continue;
    const reminder = bySender.get(request.sentById) ?? { senderId: request.sentById, senderName: request.sentByName, requests: [] };
    reminder.requests.push(waited(request, request.sentAt, now));
    bySender.set(request.sentById, reminder);
  }
  return [...bySender.values()];
}

/** Requests still waiting for the customer, oldest first. */
export function invitationsAwaitingAcceptance(requests: readonly RelationshipRequest[]): RelationshipRequest[] {
  return requests
    .filter((request) => request.state === "sent")
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime() || a.customerName.localeCompare(b.customerName));
}
