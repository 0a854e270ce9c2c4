// How a workflow's records are named in chat: a prefix and digits ("TCK-1042", "tck 1042",
// "#1042"). Each workflow declares its patterns; the recognizer extracts them into the entity
// the pattern names, so the recognizer itself knows no record kind.
import type { Entities } from "./recognizer";

export type ReferenceEntity = `${string}Reference`;

export interface ReferencePattern {
  /** The entity a match fills: "ticketReference". */
  entity: ReferenceEntity;
  /** Written before the digits, normalised upper case with a dash: "TCK" gives "TCK-1042". */
  prefix: string;
  /** Digits a full reference has at least; fewer typed digits are part of one ("104"). */
  minDigits: number;
  /** Whether digits typed alone ("status 1042") name this kind of record. One pattern at most. */
  bareDigits?: boolean;
}

/** The pattern a prefix word ("tck") names, or the one bare digits mean. */
export function patternFor(patterns: readonly ReferencePattern[], prefixWord: string | undefined): ReferencePattern | undefined {
  if (prefixWord === undefined) return patterns.find((pattern) => pattern.bareDigits);
  return patterns.find((pattern) => pattern.prefix.toLowerCase() === prefixWord);
}

export function referenceEntities(pattern: ReferencePattern, digits: string): Entities {
  return digits.length >= pattern.minDigits ? { [pattern.entity]: `${pattern.prefix}-${digits}` } : { partialReference: digits };
}

/** Whether the entities already hold a reference of any kind, full or partial. */
export function hasReference(entities: Entities, patterns: readonly ReferencePattern[]): boolean {
  return entities.partialReference !== undefined || patterns.some((pattern) => entities[pattern.entity] !== undefined);
}

export function firstReference(entities: Entities): string | undefined {
  for (const [name, value] of Object.entries(entities)) if (name.endsWith("Reference") && typeof value === "string") return value;
  return undefined;
}
