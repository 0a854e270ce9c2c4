// Planning: turn what the deadline sources say is due into outbox rows, one per (deadline,
// recipient, threshold). Sending is a separate step (deliverer.ts), so a crash between the two
// loses nothing, and planning the same state twice inserts nothing new.
import type { Role } from "../domain/roles";
import {
  listChannelConversations,
  listPersonalConversations,
  type StoredConversationReference,
} from "../store/conversation-references";
import type { DbTx } from "../store/db";
import { listUsersWithRoles, type Organisation } from "../store/organisations";
import { insertOutboxMessage, type Recipient, recipientKey } from "../store/outbox";
import { activeSuppressions } from "../store/reminder-preferences";
import { type DeadlineSource, type DueItem, toPayload } from "./due-item";
import { nextAllowedTime } from "./quiet-hours";
import type { ReminderSettings } from "./settings";

export interface PlanReport {
  due: number;
  inserted: number;
  duplicates: number;
  /** Muted or snoozed by the recipient: not planned now (a snoozed one is, once the snooze ends). */
  suppressed: number;
  /** No live conversation to reach the recipient in. */
  unreachable: number;
}

interface Target {
  recipient: Recipient;
  timeZone: string;
}

export async function planReminders(
  db: DbTx,
  organisation: Organisation,
  now: Date,
  settings: ReminderSettings,
  sources: readonly DeadlineSource[],
): Promise<PlanReport> {
  const report: PlanReport = { due: 0, inserted: 0, duplicates: 0, suppressed: 0, unreachable: 0 };
  const items: DueItem[] = [];
  for (const source of sources) items.push(...(await source.due(db, organisation, now, settings)));
  report.due = items.length;
  if (items.length === 0) return report;

  const users = await usersByRole(db, organisation.id, items);
  const aadObjectIds = [...new Set([...users.values()].flat().concat(items.flatMap((i) => i.recipients.aadObjectIds ?? [])))];
  const personal = await listPersonalConversations(db, organisation.id, aadObjectIds);
  const suppressions = await activeSuppressions(db, organisation.id, aadObjectIds, now);
  const channels = settings.channelDigest ? await listChannelConversations(db, organisation.id) : [];

  for (const item of items) {
    const wanted = new Set([...(item.recipients.roles ?? []).flatMap((role) => users.get(role) ?? []), ...(item.recipients.aadObjectIds ?? [])]);
    const targets: Target[] = [];
    for (const aadObjectId of wanted) {
      if (suppressions.get(aadObjectId)?.has(item.kind)) {
        report.suppressed++;
        continue;
      }
      const chat = personal.get(aadObjectId);
      if (!chat) {
        report.unreachable++;
        continue;
      }
      targets.push({ recipient: { type: "user", aadObjectId }, timeZone: zoneOf(chat, organisation) });
    }
    for (const channel of channels) {
      targets.push({ recipient: { type: "conversation", conversationId: channel.conversationId }, timeZone: organisation.timeZone });
    }
    for (const target of targets) {
      const outcome = await insertOutboxMessage(db, {
        organisationId: organisation.id,
        dedupeKey: dedupeKey(organisation.id, item, target.recipient),
        kind: item.kind,
        recipient: target.recipient,
        deadlineKey: item.deadlineKey,
        threshold: item.threshold,
        deadlineAt: item.deadlineAt,
        notBefore: nextAllowedTime(now, target.timeZone, settings.quietHours),
        payload: toPayload(item),
      });
      report[outcome === "inserted" ? "inserted" : "duplicates"]++;
    }
  }
  return report;
}

export function dedupeKey(organisationId: string, item: Pick<DueItem, "deadlineKey" | "threshold">, recipient: Recipient): string {
  return `${organisationId}|${item.deadlineKey}|${item.threshold}|${recipientKey(recipient)}`;
}

function zoneOf(chat: StoredConversationReference, organisation: Organisation): string {
  return chat.timeZone ?? organisation.timeZone;
}

async function usersByRole(db: DbTx, organisationId: string, items: readonly DueItem[]): Promise<Map<Role, string[]>> {
  const roles = [...new Set(items.flatMap((item) => item.recipients.roles ?? []))];
  const users = await listUsersWithRoles(db, organisationId, roles);
  const byRole = new Map<Role, string[]>();
  for (const user of users) byRole.set(user.role, [...(byRole.get(user.role) ?? []), user.aadObjectId]);
  return byRole;
}
