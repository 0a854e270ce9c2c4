// When to ask back instead of answering: the best intent barely beats the next one, or the
// recognizer was unsure of everything but still had candidates. Pure, so the rule is tested alone.
import type { IntentName, Recognition } from "./recognizer";

/** A runner-up scoring at least this share of the winner's score makes the question ambiguous. */
export const AMBIGUITY_RATIO = 0.6;
const MAX_CHOICES = 3;

/** The intents to offer as choices, best first; empty when the recognition is clear enough to act on. */
export function clarificationChoices(recognition: Recognition): IntentName[] {
  const alternatives = recognition.alternatives ?? [];
  if (recognition.intent === "none") return alternatives.slice(0, MAX_CHOICES).map((alternative) => alternative.intent);
  const close = alternatives.filter((alternative) => alternative.confidence >= recognition.confidence * AMBIGUITY_RATIO);
  if (close.length === 0) return [];
  return [recognition.intent, ...close.map((alternative) => alternative.intent)].slice(0, MAX_CHOICES);
}
