// A reference in the message says which kind of record it is about: "TCK-9134" is a ticket,
// another workflow's pattern another kind. An intent that reads references, but none of the
// kinds the message carries, is about another workflow's records; it yields to every intent
// that fits, however the words scored ("who closed TCK-9134" is a ticket question, not another
// workflow's step named by its verb). Intents that read no reference (help, deadlines) are not
// judged. Pure, so tested alone.
import type { Entities } from "./recognizer";

interface Scored {
  intent: string;
  score: number;
}

const PARTIAL = "partialReference";

export function isReferenceKind(entity: string): boolean {
  return entity !== PARTIAL && entity.endsWith("Reference");
}

/** The scores, best first, with intents that cannot use the message's references moved after the rest. */
export function byReferenceFit<S extends Scored>(scores: readonly S[], entities: Entities, entitiesOf: (intent: string) => readonly string[] | undefined): S[] {
  const present = Object.keys(entities).filter(isReferenceKind);
  if (present.length === 0) return [...scores];
  const misfit = (intent: string) => {
    const kinds = (entitiesOf(intent) ?? []).filter(isReferenceKind);
    return kinds.length > 0 && !kinds.some((kind) => present.includes(kind));
  };
  return [...scores.filter((score) => !misfit(score.intent)), ...scores.filter((score) => misfit(score.intent))];
}
