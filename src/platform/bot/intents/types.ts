// A typed question's answer: a card, or text with optional suggested replies.
import type { AdaptiveCard } from "../../cards/render";
import type { Recognition } from "../../conversation/recognizer";
import type { TurnScope } from "../turn-scope";

export type Reply = { card: AdaptiveCard } | { text: string; suggestions?: string[] };

export type IntentHandler = (scope: TurnScope, recognition: Recognition, text: string) => Promise<Reply>;
