// A card action: the zod schema of the `data` an Action.Execute carries (client-controlled,
// so parsed and then re-checked against the database) and the handler that answers it.
import type { z } from "zod";
import type { AdaptiveCard } from "../../cards/render";
import type { TurnScope } from "../turn-scope";

export interface ActionScope extends TurnScope {
  /** "automatic" when Teams refreshes a card by itself: such a turn must never write. */
  trigger: "manual" | "automatic";
}

/**
 * What replaces the clicked card for the person who clicked (`card`), or a short message shown
 * instead. `shared` is the card everyone else in the chat should now see: the bot updates the
 * original message with it, since an invoke response reaches the clicking user only.
 */
export type ActionOutcome = { card: AdaptiveCard; shared?: AdaptiveCard } | { message: string };

export interface CardAction<S extends z.ZodType = z.ZodType> {
  data: S;
  /** Whether the action changes records; automatic refreshes may only run read actions. */
  writes: boolean;
  handle(scope: ActionScope, data: z.infer<S>): Promise<ActionOutcome>;
}

export function defineAction<S extends z.ZodType>(
  data: S,
  writes: boolean,
  handle: (scope: ActionScope, data: z.infer<S>) => Promise<ActionOutcome>,
): CardAction<S> {
  return { data, writes, handle };
}
