// How the bot calls the Bot Connector: one retry policy of our own in place of the HTTP
// pipeline's default (three blind retries of anything that failed, which sent one reply eight
// times when the connector answered 500), and a timeout on every attempt. A request is
// repeated only when the connector cannot have acted on it: throttled (429, 412), unavailable
// (503), or never reached. PUT, GET and DELETE are idempotent and are also repeated after a
// 5xx or a timeout; a POST that may have been accepted is not. A Retry-After longer than a
// turn can wait fails the call at once: the outbox retries proactive messages on later cycles.
import type { PipelinePolicy, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";

export interface ConnectorCallRules {
  /** Each attempt's deadline (CONNECTOR_TIMEOUT_MS). */
  timeoutMs: number;
  /** Repeats after the first attempt. */
  maxRetries: number;
  /** The longest Retry-After (or backoff) a call waits for inside one turn. */
  maxWaitMs: number;
}

export const DEFAULT_CONNECTOR_RULES: ConnectorCallRules = { timeoutMs: 5_000, maxRetries: 2, maxWaitMs: 2_000 };

export const CONNECTOR_POLICY_NAME = "partnerOpsConnectorCalls";

const IDEMPOTENT = new Set(["GET", "PUT", "DELETE", "HEAD"]);
const NEVER_REACHED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function connectorCallPolicy(rules: ConnectorCallRules, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): PipelinePolicy {
  return {
    name: CONNECTOR_POLICY_NAME,
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt += 1) {
        request.timeout = rules.timeoutMs;
        let response: PipelineResponse;
        try {
          response = await next(request);
        } catch (error) {
          const wait = attempt < rules.maxRetries && mayRepeatAfterError(request, error) ? backoff(attempt) : undefined;
          if (wait === undefined || wait > rules.maxWaitMs) throw error;
          await sleep(wait);
          continue;
        }
        const wait = attempt < rules.maxRetries ? waitBeforeRepeating(request, response, attempt) : undefined;
        if (wait === undefined || wait > rules.maxWaitMs) return response;
        await sleep(wait);
      }
    },
  };
}

function mayRepeatAfterError(request: PipelineRequest, error: unknown): boolean {
  const code = typeof error === "object" && error && "code" in error ? String((error as { code: unknown }).code) : "";
  return NEVER_REACHED.has(code) || IDEMPOTENT.has(request.method);
}

function waitBeforeRepeating(request: PipelineRequest, response: PipelineResponse, attempt: number): number | undefined {
  const { status } = response;
  if (status === 429 || status === 412 || status === 503) return retryAfterMs(response) ?? backoff(attempt);
  if ((status === 500 || status === 502 || status === 504) && IDEMPOTENT.has(request.method)) return backoff(attempt);
  return undefined;
}

function retryAfterMs(response: PipelineResponse): number | undefined {
  const header = response.headers.get("retry-after");
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** 200 ms, 400 ms, ... with up to 50% jitter, so instances that failed together do not retry together. */
function backoff(attempt: number): number {
  const base = 200 * 2 ** attempt;
  return base + Math.floor(Math.random() * base * 0.5);
}
