// Decide once: load a record, let the domain decide, save it with a conditional update on its
// version and append the audit entry, all in one transaction. Of several deciders holding the
// same version exactly one saves; a loser is retried from a fresh read, where the winner's
// change is visible and the domain usually refuses ("already decided"). Callers get one
// outcome; a lost race never reaches them as an error.
import type { Refusal, RefusalCode, Result } from "../domain/result";
import { type AuditEntry, appendAuditEntries } from "./audit";
import { type Db, type DbTx, isUniqueViolation } from "./db";

/** What the domain answers: the record's next version and its history, or "nothing to change". */
export type Decided<N> = { next: N; audit: AuditEntry | readonly AuditEntry[] } | { unchanged: true };

export interface DecideOnceSteps<R, N, C extends string = RefusalCode> {
  /** Reads the record inside the transaction; null or undefined when there is none. */
  load: (tx: DbTx) => Promise<R | null | undefined>;
  decide: (record: R) => Result<Decided<N>, C>;
  /**
   * Saves `next` if the stored record is still the one loaded (a conditional update on its
   * version) and answers whether it did. A save that finds out it lost after writing throws
   * LostRace, so that the transaction rolls back.
   */
  save: (tx: DbTx, record: R, next: N) => Promise<boolean>;
  /** More writes that belong to the decision (an outbox message), after the save and the audit. */
  after?: (tx: DbTx, next: N) => Promise<void>;
}

export type DecideOnceOutcome<R, N, C extends string = RefusalCode> =
  | { outcome: "decided"; record: N }
  /** An idempotent replay: the decision was taken before, nothing was written. */
  | { outcome: "unchanged"; record: R }
  | { outcome: "refused"; refusal: Refusal<C>; record: R }
  | { outcome: "not_found" };

/** Thrown inside the transaction by a save that lost after writing: rolls back, then retries. */
export class LostRace extends Error {
  constructor() {
    super("lost a write race");
  }
}

export const LOST_RACE = Symbol("lost race");

/** Enough for 20 deciders racing on one record: each round, one of them wins. */
export const MAX_ATTEMPTS = 40;
const MAX_PAUSE_MS = 25;

export interface DecideOnceOptions {
  attempts?: number;
}

export async function decideOnce<R, N, C extends string = RefusalCode>(
  db: Db,
  steps: DecideOnceSteps<R, N, C>,
  options: DecideOnceOptions = {},
): Promise<DecideOnceOutcome<R, N, C>> {
  return retryLostRaces(
    () =>
      db.$transaction(async (tx) => {
        const outcome = await decideOnceIn(tx, steps);
        if (outcome === LOST_RACE) throw new LostRace();
        return outcome;
      }),
    options.attempts,
  );
}

/**
 * One attempt inside the caller's transaction (an import applies a whole file in one). Answers
 * LOST_RACE, having written nothing, when the record moved since it was read: the caller
 * rolls back and retries its transaction.
 */
export async function decideOnceIn<R, N, C extends string = RefusalCode>(
  tx: DbTx,
  steps: DecideOnceSteps<R, N, C>,
): Promise<DecideOnceOutcome<R, N, C> | typeof LOST_RACE> {
  const record = await steps.load(tx);
  if (record === null || record === undefined) return { outcome: "not_found" };
  const decided = steps.decide(record);
  if (!decided.ok) return { outcome: "refused", refusal: decided.refusal, record };
  if ("unchanged" in decided.value) return { outcome: "unchanged", record };
  const { next, audit } = decided.value;
  if (!(await steps.save(tx, record, next))) return LOST_RACE;
  await appendAuditEntries(tx, Array.isArray(audit) ? audit : [audit as AuditEntry]);
  await steps.after?.(tx, next);
  return { outcome: "decided", record: next };
}

/**
 * Runs `attempt` until it does not lose a race (LOST_RACE, LostRace, or a unique key taken
 * meanwhile), pausing a short random while between rounds so the losers do not meet again.
 */
export async function retryLostRaces<T>(attempt: () => Promise<T | typeof LOST_RACE>, attempts = MAX_ATTEMPTS): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    try {
      const outcome = await attempt();
      if (outcome !== LOST_RACE) return outcome;
    } catch (error) {
      if (!(error instanceof LostRace) && !isUniqueViolation(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_PAUSE_MS, 2 ** i)));
  }
  // Every round has a winner, so this means a writer that never lets go: a fault, not a race.
  throw new Error(`gave up after ${attempts} lost write races`);
}
