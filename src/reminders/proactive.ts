// Sends an activity into a stored conversation through the adapter, as the outbox's sender.
// botbuilder runs proactive logic inside its middleware, which hands errors to onTurnError
// and swallows them; the error is caught here and rethrown so the sender sees the status.
import type { Activity, CloudAdapter, ConversationReference } from "botbuilder";
import type { SendActivity } from "./sender";

export function proactiveSender(adapter: CloudAdapter, botAppId: string): SendActivity {
  return async (reference, activity) => {
    let failure: unknown;
    await adapter.continueConversationAsync(botAppId, reference as Partial<ConversationReference>, async (context) => {
      try {
        await context.sendActivity(activity as Partial<Activity>);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure;
  };
}
