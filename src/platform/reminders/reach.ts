// Where a recipient's rows go: their live personal chat, a team channel, or, for someone who
// never wrote to the bot, a personal chat the bot opens now through a roster they are on (the
// Bot Connector's create-conversation, as Teams' proactive samples do). Opening happens here,
// at delivery and under the lease of the rows being delivered, never at planning: a chat is
// opened only when there is something to say, and a refusal is met where it can be handled.
// Two instances opening a chat with the same person at once get the same conversation from
// Teams (one personal chat per user and bot) and meet on one stored reference (its unique key).
import { findConversation, findPersonalConversation, rememberConversation, type StoredConversationReference } from "../store/conversation-references";
import type { Db } from "../store/db";
import type { Organisation } from "../store/organisations";
import type { Recipient } from "../store/outbox";
import { findRosterContact, stopRosterReach } from "../store/roster-members";
import { callWithRetry, type SenderDeps } from "./sender";

export type Reach =
  | { kind: "conversation"; conversation: StoredConversationReference }
  | { kind: "dead"; reason: string }
  | { kind: "retry"; error: string; retryAfterMs?: number };

export async function reachRecipient(db: Db, sender: SenderDeps, organisation: Organisation, recipient: Recipient, now: Date): Promise<Reach> {
  if (recipient.type === "conversation") {
    const channel = await findConversation(db, organisation.id, recipient.conversationId);
    return channel ? { kind: "conversation", conversation: channel } : { kind: "dead", reason: "no_conversation" };
  }
  const chat = await findPersonalConversation(db, organisation.id, recipient.aadObjectId);
  if (chat) return { kind: "conversation", conversation: chat };
  return openPersonalChat(db, sender, organisation, recipient.aadObjectId, now);
}

async function openPersonalChat(db: Db, sender: SenderDeps, organisation: Organisation, aadObjectId: string, now: Date): Promise<Reach> {
  const contact = sender.open ? await findRosterContact(db, organisation.id, aadObjectId) : undefined;
  if (!sender.open || !contact) return { kind: "dead", reason: "no_conversation" };
  const { open } = sender;
  const target = { serviceUrl: contact.serviceUrl, tenantId: organisation.tenantId, botId: contact.botId, teamsUserId: contact.teamsUserId };
  const opened = await callWithRetry(sender, () => open(target));
  if (opened.outcome === "dead") {
    // Refused (the user blocked the bot, the app is gone): not tried again on every run.
    await stopRosterReach(db, organisation.id, aadObjectId, opened.reason, now);
    return { kind: "dead", reason: opened.reason };
  }
  if (opened.outcome === "failed")
    return { kind: "retry", error: opened.error, ...(opened.retryAfterMs !== undefined ? { retryAfterMs: opened.retryAfterMs } : {}) };
  const reference = opened.value;
  const conversationId = (reference.conversation as { id?: unknown } | undefined)?.id;
  if (typeof conversationId !== "string" || conversationId === "") return { kind: "retry", error: "create-conversation answered no conversation id" };
  const conversation = await rememberConversation(db, {
    organisationId: organisation.id,
    tenantId: organisation.tenantId,
    conversationId,
    kind: "personal",
    aadObjectId,
    teamsUserId: contact.teamsUserId,
    serviceUrl: contact.serviceUrl,
    reference,
    openedByBot: true,
  });
  return { kind: "conversation", conversation };
}
