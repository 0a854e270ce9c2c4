// Shared set-up for the reminder store tests: an organisation, users reachable in their
// personal chats, a pending engagement, and a fake connector send.
import { eventFor, type Engagement } from "../../src/workflows/engagements/domain/engagements";
import type { Role } from "../../src/platform/domain/roles";
import type { ComposeMessages } from "../../src/platform/reminders/deliverer";
import { rememberConversation } from "../../src/platform/store/conversation-references";
import type { Db } from "../../src/platform/store/db";
import { insertEngagement } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation, type Organisation, setUserRole } from "../../src/platform/store/organisations";

export async function organisationNamed(db: Db, tenantId: string, timeZone: string): Promise<Organisation> {
  return ensureOrganisation(db, tenantId, { name: tenantId, timeZone });
}

/** A partner user with a live personal chat with the bot (unless `reachable` is false). */
export async function reachableUser(
  db: Db,
  organisation: Organisation,
  aadObjectId: string,
  role: Role,
  options: { timeZone?: string; locale?: string; reachable?: boolean } = {},
): Promise<string> {
  await setUserRole(db, { organisationId: organisation.id, aadObjectId, name: aadObjectId, role });
  if (options.reachable === false) return aadObjectId;
  await rememberConversation(db, {
    organisationId: organisation.id,
    tenantId: organisation.tenantId,
    conversationId: `a:personal-${aadObjectId}`,
    kind: "personal",
    aadObjectId,
    serviceUrl: "http://connector.invalid/",
    reference: { conversation: { id: `a:personal-${aadObjectId}` }, serviceUrl: "http://connector.invalid/" },
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  return aadObjectId;
}

export async function pendingEngagement(db: Db, organisation: Organisation, reference: string, requestedAt: Date): Promise<Engagement> {
  const engagement: Engagement = {
    id: `eng-${organisation.tenantId}-${reference}`,
    organisationId: organisation.id,
    externalId: `ext-${reference}`,
    reference,
    title: `Managed service ${reference}`,
    clientName: "Contoso",
    productName: "Backup",
    requestedAt,
    state: "pending",
    version: 1,
  };
  await db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Import" }, requestedAt)] }),
  );
  return engagement;
}

/** One activity per recipient listing the dedupe keys it carries: what the test counts. */
export const listKeys: ComposeMessages = (_audience, rows) =>
  rows.length === 0 ? [] : [{ activity: { type: "message", text: rows.map((row) => row.dedupeKey).join("\n") }, messageIds: rows.map((row) => row.id) }];

export interface FakeConnector {
  sent: { conversationId: string; text: string }[];
  send: (reference: Record<string, unknown>, activity: Record<string, unknown>) => Promise<void>;
  failNext: (error: Error) => void;
}

export function fakeConnector(): FakeConnector {
  const failures: Error[] = [];
  const sent: FakeConnector["sent"] = [];
  return {
    sent,
    failNext: (error) => failures.push(error),
    send: async (reference, activity) => {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push({ conversationId: String((reference.conversation as { id: string }).id), text: String(activity.text) });
    },
  };
}

export function connectorError(statusCode: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`connector answered ${statusCode}`), {
    statusCode,
    response: { status: statusCode, headers: { get: (name: string) => headers[name] } },
  });
}
