// Remembers where the bot may speak first, from the activities Teams sends: installation,
// the bot added to a team or chat, and personal messages (the only activities that reliably
// carry the user's `localTimezone`). Uninstalling or removing the bot forgets the place.
import { type Activity, type ConversationReference, TurnContext } from "botbuilder";
import { isIanaTimeZone } from "../domain/time-zone";
import type { Services } from "../services";
import {
  type ConversationKind,
  forgetConversation,
  type RememberConversationInput,
  rememberConversation,
  rememberConversationSeen,
} from "../store/conversation-references";
import type { KnownConversation } from "../store/turn-records";
import type { Organisation } from "../store/organisations";

export async function rememberConversationOf(
  context: TurnContext,
  services: Services,
  scope: { organisation: Organisation; actor: { aadObjectId: string }; storedConversation?: KnownConversation | null },
): Promise<void> {
  const { activity } = context;
  if (!activity.serviceUrl || !activity.conversation?.id) return;
  const kind = conversationKind(activity);
  const conversationId = conversationIdOf(activity);
  // Without the activity id: a proactive message starts its own thread rather than answering
  // an old one, and the stored reference stays the same from one message to the next.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity) as Partial<ConversationReference>;
  const teamId = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  try {
    const input: RememberConversationInput = {
      organisationId: scope.organisation.id,
      tenantId: scope.organisation.tenantId,
      conversationId,
      kind,
      serviceUrl: activity.serviceUrl,
      // A channel reference points at the channel, not at the thread the event came from.
      reference: { ...reference, conversation: { ...reference.conversation, id: conversationId } } as Record<string, unknown>,
      ...(kind === "personal" ? { aadObjectId: scope.actor.aadObjectId } : {}),
      ...(kind === "personal" && activity.from?.id ? { teamsUserId: activity.from.id } : {}),
      ...(typeof teamId === "string" ? { teamId } : {}),
      ...(activity.locale ? { locale: activity.locale } : {}),
      ...(activity.localTimezone && isIanaTimeZone(activity.localTimezone) ? { timeZone: activity.localTimezone } : {}),
    };
    if (scope.storedConversation === undefined) await rememberConversation(services.db, input);
    else await rememberConversationSeen(services.db, input, scope.storedConversation);
  } catch (error) {
    // Reminders are a side benefit of this turn: the turn itself goes on.
    services.logger.warn({ err: error, activityId: activity.id }, "could not remember the conversation");
  }
}

/** The bot was uninstalled or removed: no more proactive messages there. */
export async function forgetConversationOf(context: TurnContext, services: Services, organisation: Organisation): Promise<void> {
  const { activity } = context;
  if (!activity.conversation?.id) return;
  await forgetConversation(services.db, organisation.id, conversationIdOf(activity), "uninstalled", services.clock());
}

/** Whether a conversationUpdate's removed members include the bot itself. */
export function botWasRemoved(activity: Partial<Activity>): boolean {
  return activity.membersRemoved?.some((member) => member.id === activity.recipient?.id) ?? false;
}

function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  return type === "channel" || type === "groupChat" ? type : "personal";
}

function conversationIdOf(activity: Partial<Activity>): string {
  // Channel thread ids end in ";messageid=...": the channel itself is the part before.
  return (activity.conversation?.id ?? "").split(";messageid=")[0] ?? "";
}
