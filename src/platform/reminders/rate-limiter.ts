// Keeps proactive sends within Teams' documented bot rate limits, on our side, so the bot slows
// itself down before the connector answers 429: per bot and conversation 7 sends a second, 60
// per 30 seconds and 1,800 an hour; per app and tenant 30 requests a second. Windows slide;
// a send waits until every window it falls in has room. The clock and sleep come in as
// arguments, so the rules are tested without waiting. One limiter per process: instances do
// not share it, and the connector's own 429 handling (sender.ts) stays for what gets past.
import type { SendActivity } from "./sender";

export interface RateWindow {
  limit: number;
  ms: number;
}

export const CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];
export const TENANT_WINDOWS: readonly RateWindow[] = [{ limit: 30, ms: 1_000 }];

export interface RateLimiterDeps {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Send instants per key, oldest first, kept as long as the longest window needs them. */
class SlidingLog {
  readonly #sent = new Map<string, number[]>();

  constructor(private readonly windows: readonly RateWindow[]) {}

  /** Milliseconds until `key` may send at `now` (0: now). */
  waitFor(key: string, now: number): number {
    const log = this.#prune(key, now);
    let wait = 0;
    for (const { limit, ms } of this.windows) {
      const inWindow = log.filter((at) => at > now - ms);
      // The send that frees a slot is the limit-th most recent one; it leaves the window after ms.
      if (inWindow.length >= limit) wait = Math.max(wait, (inWindow[inWindow.length - limit] ?? now) + ms - now);
    }
    return wait;
  }

  record(key: string, at: number): void {
    const log = this.#sent.get(key) ?? [];
    log.push(at);
    this.#sent.set(key, log);
  }

  #prune(key: string, now: number): number[] {
    const longest = Math.max(...this.windows.map((window) => window.ms));
    const log = (this.#sent.get(key) ?? []).filter((at) => at > now - longest);
    if (log.length === 0) this.#sent.delete(key);
    else this.#sent.set(key, log);
    return log;
  }
}

export class TeamsRateLimiter {
  readonly #conversations = new SlidingLog(CONVERSATION_WINDOWS);
  readonly #tenants = new SlidingLog(TENANT_WINDOWS);
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #queue: Promise<void> = Promise.resolve();

  constructor(deps: RateLimiterDeps = {}) {
    this.#now = deps.now ?? (() => Date.now());
    this.#sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves when one send to this conversation of this tenant is within every limit, and counts it. */
  acquire(tenantId: string, conversationId: string): Promise<void> {
    // First come, first served: a later caller never overtakes one that is waiting.
    const turn = this.#queue.then(async () => {
      for (;;) {
        const now = this.#now();
        const wait = Math.max(this.#conversations.waitFor(conversationId, now), this.#tenants.waitFor(tenantId, now));
        if (wait <= 0) break;
        await this.#sleep(wait);
      }
      const at = this.#now();
      this.#conversations.record(conversationId, at);
      this.#tenants.record(tenantId, at);
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }
}

/** `send`, waiting its turn first; the reference names the conversation and, for Teams, the tenant. */
export function rateLimited(send: SendActivity, limiter: TeamsRateLimiter): SendActivity {
  return async (reference, activity) => {
    const conversation = (reference.conversation ?? {}) as { id?: unknown; tenantId?: unknown };
    const tenantId = typeof conversation.tenantId === "string" ? conversation.tenantId : "";
    await limiter.acquire(tenantId, typeof conversation.id === "string" ? conversation.id : "");
    await send(reference, activity);
  };
}
