// The outbox's two Bot Connector calls through the adapter: send an activity into a stored
// conversation, and open a personal chat with a roster member (create-conversation, with the
// tenant id, as Teams' proactive samples do). botbuilder runs proactive logic inside its
// middleware, which hands errors to onTurnError and swallows them; the error is caught here
// and rethrown so the sender sees the status.
import { type Activity, Channels, type CloudAdapter, type ConversationParameters, type ConversationReference, TurnContext } from "botbuilder";
import type { OpenPersonalChat, SendActivity } from "./sender";

export function proactiveSender(adapter: CloudAdapter, botAppId: string): SendActivity {
  return proactiveCall(adapter, botAppId, (context, activity) => context.sendActivity(activity));
}

/** Replaces a message already in the conversation (the activity carries its id): a shared card after a click. */
export function proactiveUpdater(adapter: CloudAdapter, botAppId: string): SendActivity {
  return proactiveCall(adapter, botAppId, (context, activity) => context.updateActivity(activity));
}

function proactiveCall(adapter: CloudAdapter, botAppId: string, call: (context: TurnContext, activity: Partial<Activity>) => Promise<unknown>): SendActivity {
  return async (reference, activity) => {
    let failure: unknown;
    await adapter.continueConversationAsync(botAppId, reference as Partial<ConversationReference>, async (context) => {
      try {
        await call(context, activity as Partial<Activity>);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure;
  };
}

// botbuilder types the audience as a string, but reads a missing one as "the channel's default
// scope" (its samples pass null); an empty string would be sent as the audience itself.
const DEFAULT_AUDIENCE = undefined as unknown as string;

export function personalChatOpener(adapter: CloudAdapter, botAppId: string): OpenPersonalChat {
  return async (target) => {
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: { id: target.botId, name: "" },
      members: [{ id: target.teamsUserId, name: "" }],
      tenantId: target.tenantId,
      channelData: { tenant: { id: target.tenantId } },
    };
    let reference: Partial<ConversationReference> | undefined;
    // The call itself throws the connector's refusal; the callback only reads the new conversation.
    await adapter.createConversationAsync(botAppId, Channels.Msteams, target.serviceUrl, DEFAULT_AUDIENCE, parameters, async (context) => {
      const { activityId: _activityId, ...created } = TurnContext.getConversationReference(context.activity);
      reference = created;
    });
    if (!reference) throw new Error("create-conversation ran no turn");
    return reference as Record<string, unknown>;
  };
}
