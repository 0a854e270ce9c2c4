// Help, "none" and asking back: the bot never leaves a question at a dead end. Each answer
// comes with examples the user can click, in the language they wrote in.
import { clarificationChoices } from "../../conversation/ambiguity";
import type { Recognition } from "../../conversation/recognizer";
import type { TurnScope } from "../turn-scope";
import { bulletList, exampleQuestion, suggestionFor } from "./suggestions";
import type { IntentHandler, Reply } from "./types";

function examples(scope: TurnScope): string[] {
  return scope.services.tables.helpIntents.map((intent) => exampleQuestion(scope.t, intent));
}

export const help: IntentHandler = async (scope) => {
  const lines = examples(scope);
  return { text: `${scope.t.t("conversation.help.intro")}\n\n${bulletList(lines)}`, suggestions: lines.slice(0, 3) };
};

/** Choices when the recognizer hesitated; undefined when there is nothing to offer. */
export function askBack(scope: TurnScope, recognition: Recognition): Reply | undefined {
  // Two intents can suggest the same question: each is offered once, and a hesitation between
  // two that read alike is no hesitation.
  const suggestions = [
    ...new Set(clarificationChoices(recognition).map((choice) => suggestionFor(scope.services.tables, scope.t, choice.intent, choice.entities))),
  ];
  if (suggestions.length === 0 || (recognition.intent !== "none" && suggestions.length < 2)) return undefined;
  return { text: `${scope.t.t("conversation.clarify.intro")}\n\n${bulletList(suggestions)}`, suggestions };
}

export const none: IntentHandler = async (scope, recognition) => {
  const clarification = askBack(scope, recognition);
  if (clarification) return clarification;
  const lines = examples(scope);
  return { text: `${scope.t.t("conversation.none.intro")}\n\n${bulletList(lines)}`, suggestions: lines.slice(0, 3) };
};
