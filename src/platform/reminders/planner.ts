// Planning: turn what the deadline sources say is due into outbox rows, one per (deadline,
// recipient, threshold). Sending is a separate step (deliverer.ts), so a crash between the two
// loses nothing, and planning the same state twice inserts nothing new.
import type { Role } from "../domain/roles";
import { listChannelConversations, listPersonalConversations, type StoredConversationReference } from "../store/conversation-references";
import { type Db, isUniqueViolation } from "../store/db";
import { listUsersWithRoles, type Organisation } from "../store/organisations";
import { insertOutboxMessage, insertOutboxMessagesAtomically, type NewOutboxMessage, type Recipient, recipientKey } from "../store/outbox";
import { activeSuppressions } from "../store/reminder-preferences";
import { listRosterReachable } from "../store/roster-members";
import { type DeadlineSource, type DueItem, toPayload } from "./due-item";
import { nextAllowedTime } from "./quiet-hours";
import type { ReminderSettings } from "./settings";
import { reminderSettingsFor } from "../team/settings";

export interface PlanReport {
  due: number;
  inserted: number;
  duplicates: number;
  /** Muted or snoozed by the recipient: not planned now (a snoozed one is, once the snooze ends). */
  suppressed: number;
  /** No live conversation to reach the recipient in, and no roster to open one through. */
  unreachable: number;
}

/** About a second of writing on SQLite: one digest's worth for all but the largest partners. */
const RECIPIENT_ROWS_PER_TRANSACTION = 2_000;

interface Target {
  recipient: Recipient;
  timeZone: string;
}

export async function planReminders(
  db: Db,
  organisation: Organisation,
  now: Date,
  settings: ReminderSettings,
  sources: readonly DeadlineSource[],
): Promise<PlanReport> {
  const report: PlanReport = { due: 0, inserted: 0, duplicates: 0, suppressed: 0, unreachable: 0 };
  const mine = reminderSettingsFor(settings, organisation);
  const items: DueItem[] = [];
  for (const source of sources) items.push(...(await source.due(db, organisation, now, mine)));
  report.due = items.length;
  if (items.length === 0) return report;

  const users = await usersByRole(db, organisation.id, items);
  const personal = await listPersonalConversations(db, organisation.id);
  const onRoster = await listRosterReachable(db, organisation.id);
  const suppressions = await activeSuppressions(db, organisation.id, now);
  const channels = settings.channelDigest ? await listChannelConversations(db, organisation.id) : [];

  // Rows are gathered per recipient and each recipient's rows inserted in one transaction: a
  // deliverer in another instance then sees all of them or none, and sends one digest.
  const byRecipient = new Map<string, { target: Target; rows: NewOutboxMessage[] }>();
  // Quiet hours end at the same instant for every row read in one zone: worked out once per zone, not per row.
  const notBeforeByZone = new Map<string, Date>();
  const notBefore = (timeZone: string) => {
    const known = notBeforeByZone.get(timeZone);
    if (known) return known;
    const at = nextAllowedTime(now, timeZone, settings.quietHours);
    notBeforeByZone.set(timeZone, at);
    return at;
  };
  for (const item of items) {
    for (const target of targetsOf(item, { users, personal, onRoster, suppressions, channels, organisation }, report)) {
      const key = recipientKey(target.recipient);
      const entry = byRecipient.get(key) ?? { target, rows: [] };
      entry.rows.push({
        organisationId: organisation.id,
        dedupeKey: dedupeKey(organisation.id, item, target.recipient),
        kind: item.kind,
        recipient: target.recipient,
        deadlineKey: item.deadlineKey,
        threshold: item.threshold,
        deadlineAt: item.deadlineAt,
        notBefore: notBefore(target.timeZone),
        payload: toPayload(item),
      });
      byRecipient.set(key, entry);
    }
  }
  for (const { rows } of byRecipient.values()) {
    for (const outcome of await insertForRecipient(db, rows)) report[outcome === "inserted" ? "inserted" : "duplicates"]++;
  }
  return report;
}

export function dedupeKey(organisationId: string, item: Pick<DueItem, "deadlineKey" | "threshold">, recipient: Recipient): string {
  return `${organisationId}|${item.deadlineKey}|${item.threshold}|${recipientKey(recipient)}`;
}

interface Audience {
  users: Map<Role, string[]>;
  personal: Map<string, StoredConversationReference>;
  /** People with no personal chat yet whom a roster lets the bot open one with at delivery. */
  onRoster: Set<string>;
  suppressions: Map<string, Map<string, unknown>>;
  channels: readonly StoredConversationReference[];
  organisation: Organisation;
}

/** Who hears about the item: reachable users of its roles who have not muted or snoozed its kind, and team channels. */
function targetsOf(item: DueItem, audience: Audience, report: PlanReport): Target[] {
  const { users, personal, onRoster, suppressions, channels, organisation } = audience;
  const wanted = new Set([...(item.recipients.roles ?? []).flatMap((role) => users.get(role) ?? []), ...(item.recipients.aadObjectIds ?? [])]);
  const targets: Target[] = [];
  for (const aadObjectId of wanted) {
    const chat = personal.get(aadObjectId);
    if (suppressions.get(aadObjectId)?.has(item.kind)) report.suppressed++;
    else if (chat) targets.push({ recipient: { type: "user", aadObjectId }, timeZone: zoneOf(chat, organisation) });
    else if (onRoster.has(aadObjectId)) targets.push({ recipient: { type: "user", aadObjectId }, timeZone: organisation.timeZone });
    else report.unreachable++;
  }
  for (const channel of channels) {
    targets.push({ recipient: { type: "conversation", conversationId: channel.conversationId }, timeZone: organisation.timeZone });
  }
  return targets;
}

/**
 * One transaction per recipient, of at most RECIPIENT_ROWS_PER_TRANSACTION rows: a deliverer in
 * another instance sees all of a recipient's rows or none and sends one digest, while a very
 * long list (thousands of records) still commits in bounded steps, never holding the
 * database (SQLite's one writer) for seconds or running into the transaction timeout. Past
 * that bound a deliverer may catch the first part: two digests, each row still sent once.
 * Should another planner insert one of the same rows at the same moment, PostgreSQL aborts
 * the transaction on the unique key; the rows are then inserted one by one, each still
 * deduplicated, at the same cost of a possible second digest.
 */
async function insertForRecipient(db: Db, rows: readonly NewOutboxMessage[]): Promise<("inserted" | "duplicate")[]> {
  const outcomes: ("inserted" | "duplicate")[] = [];
  for (let start = 0; start < rows.length; start += RECIPIENT_ROWS_PER_TRANSACTION) {
    const part = rows.slice(start, start + RECIPIENT_ROWS_PER_TRANSACTION);
    try {
      outcomes.push(...(await db.$transaction((tx) => insertOutboxMessagesAtomically(tx, part))));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      for (const row of part) outcomes.push(await insertOutboxMessage(db, row));
    }
  }
  return outcomes;
}

function zoneOf(chat: StoredConversationReference, organisation: Organisation): string {
  return chat.timeZone ?? organisation.timeZone;
}

async function usersByRole(db: Db, organisationId: string, items: readonly DueItem[]): Promise<Map<Role, string[]>> {
  const roles = [...new Set(items.flatMap((item) => item.recipients.roles ?? []))];
  const users = await listUsersWithRoles(db, organisationId, roles);
  const byRole = new Map<Role, string[]>();
  for (const user of users) byRole.set(user.role, [...(byRole.get(user.role) ?? []), user.aadObjectId]);
  return byRole;
}
