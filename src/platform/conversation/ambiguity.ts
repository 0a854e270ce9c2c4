// When to ask back instead of answering: the best intent barely beats the next one, or the
// recognizer was unsure of everything but still had candidates. Pure, so the rule is tested alone.
import type { Entities, IntentName, Recognition } from "./recognizer";

/** A runner-up scoring at least this share of the winner's score makes the question ambiguous. */
export const AMBIGUITY_RATIO = 0.6;
const MAX_CHOICES = 3;

/** A question back's choice: an intent and the entities its suggestion keeps. */
export interface Choice {
  intent: IntentName;
  entities: Entities;
}

/**
 * The intents to offer as choices, best first and each once; empty when the recognition is
 * clear enough to act on. A recognizer may name an intent twice (an LLM behind the same
 * interface can), and a choice offered twice is no choice.
 */
export function clarificationChoices(recognition: Recognition): Choice[] {
  const alternatives = (recognition.alternatives ?? []).map((alternative) => ({
    intent: alternative.intent,
    confidence: alternative.confidence,
    entities: alternative.entities ?? recognition.entities,
  }));
  const candidates =
    recognition.intent === "none"
      ? alternatives
      : [
          { intent: recognition.intent, confidence: recognition.confidence, entities: recognition.entities },
          ...alternatives.filter((alternative) => alternative.confidence >= recognition.confidence * AMBIGUITY_RATIO),
        ];
  const distinct = candidates.filter((candidate, index) => candidates.findIndex((other) => other.intent === candidate.intent) === index);
  if (recognition.intent !== "none" && distinct.length < 2) return [];
  return distinct.slice(0, MAX_CHOICES).map(({ intent, entities }) => ({ intent, entities }));
}
