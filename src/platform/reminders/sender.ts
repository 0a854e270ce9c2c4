// Sends one proactive activity (or opens a personal chat) with the retries the Teams platform
// asks for: 412, 429, 502, 503 and 504 are tried again after exponential backoff with jitter,
// or after exactly the Retry-After the connector gave; 403 and 404 mean the bot can no longer
// post there, so the conversation is dead; anything else fails this attempt and the outbox
// retries it later.
//
// Exactly once, honestly: a row is marked claimed (committed) before its send and sent right
// after, so it is never sent twice while its lease holds. Two windows remain. (1) The process
// dies after the connector accepted the message but before "sent" is committed: when the
// lease expires another instance sends it again. The deliverer keeps that window to one
// UPDATE by sending one digest at a time and marking it sent before the next. (2) botbuilder
// 4.23 retries a failed HTTP call itself (up to 3 times, its HTTP pipeline's default retry
// policy, which also sleeps for a 429/503 Retry-After of any length): a 5xx returned after
// Teams already posted the message becomes a second post we cannot see, and a very long
// Retry-After can outlast the lease. Both are at-least-once windows of a single message;
// everything else is exactly once. Our own retries wait at most half the lease.
import { backoffDelay, type BackoffPolicy, parseRetryAfter } from "./backoff";

/** The lead's adapter wrapper: continueConversationAsync(appId, reference, ctx => ctx.sendActivity(activity)). */
export type SendActivity = (reference: Record<string, unknown>, activity: Record<string, unknown>) => Promise<void>;

/** What the Bot Connector's create-conversation needs to open a personal chat with a roster member. */
export interface PersonalChatTarget {
  serviceUrl: string;
  tenantId: string;
  botId: string;
  teamsUserId: string;
}

/** Opens (or finds again: Teams keeps one per user and bot) a personal chat; answers its conversation reference. */
export type OpenPersonalChat = (target: PersonalChatTarget) => Promise<Record<string, unknown>>;

export interface RetryPolicy extends BackoffPolicy {
  /** Sends tried in one attempt, the first included. */
  maxTries: number;
  /** Total waiting allowed in one attempt; must stay well inside the outbox lease. */
  maxWaitMs: number;
}

/** Above the connector's own per-attempt timeouts and retries (src/platform/bot/connector-policy.ts). */
export const DEFAULT_SEND_TIMEOUT_MS = 20_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1_000, maxMs: 30_000, maxTries: 4, maxWaitMs: 60_000 };

export type SendOutcome =
  | { outcome: "sent"; tries: number }
  | { outcome: "dead"; reason: string }
  | { outcome: "failed"; error: string; retryAfterMs?: number };

export interface SenderDeps {
  send: SendActivity;
  /** Without it, people who never wrote to the bot cannot be reached. */
  open?: OpenPersonalChat;
  /** Replaces a posted message (a shared card after a click); without it such rows wait. */
  update?: SendActivity;
  policy?: RetryPolicy;
  /** One call's deadline: a hung send fails and is retried on a later cycle. */
  sendTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
}

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const DEAD = new Set([403, 404]);

export async function sendWithRetry(deps: SenderDeps, reference: Record<string, unknown>, activity: Record<string, unknown>): Promise<SendOutcome> {
  const outcome = await callWithRetry(deps, () => deps.send(reference, activity));
  return outcome.outcome === "done" ? { outcome: "sent", tries: outcome.tries } : outcome;
}

export type CallOutcome<T> = { outcome: "done"; value: T; tries: number } | Exclude<SendOutcome, { outcome: "sent" }>;

/** Any Bot Connector call (a send, a create-conversation) with the retries and the 403/404 rule above. */
export async function callWithRetry<T>(deps: SenderDeps, call: () => Promise<T>): Promise<CallOutcome<T>> {
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const now = deps.now ?? (() => new Date());
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return { outcome: "done", value: await withTimeout(call(), deps.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS), tries: attempt + 1 };
    } catch (error) {
      const failure = describeSendError(error, now());
      if (failure.status !== undefined && DEAD.has(failure.status)) return { outcome: "dead", reason: failure.reason };
      const retryable = failure.status !== undefined && RETRYABLE.has(failure.status);
      const wait = failure.retryAfterMs ?? backoffDelay(attempt, policy, random);
      if (!retryable || attempt + 1 >= policy.maxTries || waited + wait > policy.maxWaitMs) {
        return { outcome: "failed", error: failure.reason, ...(retryable ? { retryAfterMs: wait } : {}) };
      }
      await sleep(wait);
      waited += wait;
    }
  }
}

export class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(`send_timeout: no answer within ${ms} ms`);
    this.name = "SendTimeoutError";
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface SendFailure {
  status?: number;
  /** The connector's error code when it gave one ("ConversationNotFound"), else "http_<status>" or the message. */
  reason: string;
  retryAfterMs?: number;
}

/** Reads the status, error code and Retry-After from what botbuilder's connector client throws. */
export function describeSendError(error: unknown, now: Date): SendFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    statusCode?: unknown;
    status?: unknown;
    code?: unknown;
    message?: unknown;
    response?: { status?: unknown; headers?: unknown; parsedBody?: unknown; bodyAsText?: unknown };
  };
  const statusValue = e.statusCode ?? e.status ?? e.response?.status;
  const status = typeof statusValue === "number" ? statusValue : undefined;
  const retryAfterMs = parseRetryAfter(headerValue(e.response?.headers, "retry-after"), now);
  const bodyCode = errorCode(e.response?.parsedBody) ?? errorCode(parseJson(e.response?.bodyAsText));
  const reason = bodyCode ?? (status !== undefined ? `http_${status}` : String(e.message ?? error));
  return { ...(status !== undefined ? { status } : {}), reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const withGet = headers as { get?: (key: string) => unknown };
  if (typeof withGet.get === "function") {
    const value = withGet.get(name);
    return typeof value === "string" ? value : undefined;
  }
  const value = (headers as Record<string, unknown>)[name] ?? (headers as Record<string, unknown>)[name.toLowerCase()];
  return typeof value === "string" ? value : undefined;
}

function errorCode(body: unknown): string | undefined {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
