// Optimistic concurrency for decisions written by any workflow: each attempt re-reads the records,
// lets the domain decide, and saves with a conditional update. An attempt that lost a race
// (version moved, or a unique key taken meanwhile) is retried from fresh reads, where the
// winner's work is visible and usually turns the retry into "already done".
import { isUniqueViolation } from "./db";

export const LOST_RACE = Symbol("lost race");

/** Thrown inside a transaction to roll back what it wrote when a later step finds it lost. */
export class LostRace extends Error {
  constructor() {
    super("lost a write race");
  }
}

/** Enough for 20 writers racing on one record: each round, one of them wins. */
export const MAX_ATTEMPTS = 40;
const MAX_PAUSE_MS = 25;

export async function retryLostRaces<T>(attempt: () => Promise<T | typeof LOST_RACE>): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
    try {
      const outcome = await attempt();
      if (outcome !== LOST_RACE) return outcome;
    } catch (error) {
      if (!(error instanceof LostRace) && !isUniqueViolation(error)) throw error;
    }
    // A short random pause spreads the losers out, so the next round is not the same pile-up.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_PAUSE_MS, 2 ** i)));
  }
  throw new Error(`gave up after ${MAX_ATTEMPTS} lost write races`);
}
