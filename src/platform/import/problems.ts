// What went wrong with an import, said so the operator can find it in the file: every problem
// names the record ("users[3] (aadObjectId "X-17")") and the field it is about.
import type { z } from "zod";
import type { Refusal } from "../domain/result";

export interface ImportProblem {
  /** Where in the file: `users[3] (aadObjectId "X-17").role`, or `organisation.timeZone`. */
  where: string;
  message: string;
}

export const describeProblem = (problem: ImportProblem): string => (problem.where ? `${problem.where}: ${problem.message}` : problem.message);

/**
 * Thrown inside the import transaction so that the database rolls everything back; the runner
 * catches it and reports the problems. Only the import code throws or catches it.
 */
export class ImportRejected extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(problems.map(describeProblem).join("\n"));
    this.name = "ImportRejected";
  }
}

/** Names a section's record by its position and, when it has one, its identifying field. */
export function recordName(section: string, index: number, identity?: { field: string; value: unknown }): string {
  const label = identity && typeof identity.value === "string" ? ` (${identity.field} ${JSON.stringify(identity.value)})` : "";
  return `${section}[${index}]${label}`;
}

/** `recordName` plus the field path inside the record. */
export function fieldName(record: string, field: readonly PropertyKey[]): string {
  return field.reduce<string>((path, key) => (typeof key === "number" ? `${path}[${key}]` : `${path}.${String(key)}`), record);
}

/** A record the domain refused, as a problem; a time in the future names its field. */
export function refusalProblem(record: string, refusal: Refusal): ImportProblem {
  const { facts } = refusal;
  if (refusal.code === "timestamp_in_future") {
    return {
      where: fieldName(record, [String(facts.field)]),
      message: `${String(facts.at)} is in the future: the import's clock reads ${String(facts.now)} and accepts at most ${String(facts.minutes)} minutes ahead`,
    };
  }
  if (refusal.code === "timestamp_before_event") {
    return {
      where: fieldName(record, [String(facts.field)]),
      message: `${String(facts.at)} is before the ${String(facts.event)} it answers (${String(facts.earliest)})`,
    };
  }
  const details = Object.entries(facts).map(([key, value]) => `${key} ${value instanceof Date ? value.toISOString() : String(value)}`);
  return { where: record, message: `refused: ${refusal.code}${details.length ? ` (${details.join(", ")})` : ""}` };
}

type Issue = z.core.$ZodIssue & { input?: unknown };

/** Words for the zod issues a hand-edited or exported file runs into most. */
export function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `expected ${article(issue.expected)}, got ${typeName(issue.input)}`;
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) === 1
        ? "must not be empty"
        : `must have at least ${String(issue.minimum)} ${issue.origin === "string" ? "characters" : "items"}`;
    case "too_big":
      return `must have at most ${String(issue.maximum)} ${issue.origin === "string" ? "characters" : "items"}`;
    case "invalid_value":
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  return type === "array" || type === "object" ? `an ${type}` : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
