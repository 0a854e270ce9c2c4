// Retries as the Teams platform asks: backoff with jitter, Retry-After honoured, 403/404 dead.
import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter } from "../../../src/platform/reminders/backoff";
import { describeSendError, type RetryPolicy, sendWithRetry } from "../../../src/platform/reminders/sender";

class ConnectorError extends Error {
  constructor(
    readonly statusCode: number,
    headers: Record<string, string> = {},
    code?: string,
  ) {
    super(`connector answered ${statusCode}`);
    this.response = { status: statusCode, headers: { get: (name: string) => headers[name] }, parsedBody: code ? { error: { code } } : undefined };
  }
  response: { status: number; headers: { get(name: string): string | undefined }; parsedBody: unknown };
}

const policy: RetryPolicy = { baseMs: 1_000, maxMs: 30_000, maxTries: 4, maxWaitMs: 60_000 };

function connector(answers: (Error | "ok")[]) {
  const sent: number[] = [];
  const waits: number[] = [];
  return {
    sent,
    waits,
    deps: {
      policy,
      random: () => 1,
      sleep: async (ms: number) => {
        waits.push(ms);
      },
      send: async () => {
        const answer = answers.shift() ?? "ok";
        sent.push(1);
        if (answer !== "ok") throw answer;
      },
    },
  };
}

describe("backoff", () => {
  it("doubles from the base up to the cap, with half the delay left to chance", () => {
    const top = [0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, policy, () => 1));
    expect(top).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    const bottom = [0, 1, 2].map((retry) => backoffDelay(retry, policy, () => 0));
    expect(bottom).toEqual([500, 1_000, 2_000]);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    expect(parseRetryAfter("1", now)).toBe(1_000);
    expect(parseRetryAfter("Wed, 25 Nov 2026 10:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("sending one proactive message", () => {
  it("retries 412, 502, 503 and 504 with growing waits and succeeds on the fourth try", async () => {
    const c = connector([new ConnectorError(502), new ConnectorError(503), new ConnectorError(412)]);
    expect(await sendWithRetry(c.deps, {}, {})).toEqual({ outcome: "sent", tries: 4 });
    expect(c.waits).toEqual([1_000, 2_000, 4_000]);
  });

  it("waits exactly the Retry-After a 429 gives before trying again", async () => {
    const c = connector([new ConnectorError(429, { "retry-after": "7" })]);
    expect(await sendWithRetry(c.deps, {}, {})).toEqual({ outcome: "sent", tries: 2 });
    expect(c.waits).toEqual([7_000]);
  });

  it("marks the conversation dead on 403 and 404, without retrying", async () => {
    const blocked = connector([new ConnectorError(403, {}, "ConversationBlockedByUser")]);
    expect(await sendWithRetry(blocked.deps, {}, {})).toEqual({ outcome: "dead", reason: "ConversationBlockedByUser" });
    const gone = connector([new ConnectorError(404)]);
    expect(await sendWithRetry(gone.deps, {}, {})).toEqual({ outcome: "dead", reason: "http_404" });
    expect(blocked.sent.length + gone.sent.length).toBe(2);
  });

  it("gives up after the last try and leaves the retry to the outbox", async () => {
    const c = connector([new ConnectorError(503), new ConnectorError(503), new ConnectorError(503), new ConnectorError(503)]);
    const outcome = await sendWithRetry(c.deps, {}, {});
    expect(outcome).toMatchObject({ outcome: "failed", error: "http_503" });
    expect(c.sent).toHaveLength(4);
  });

  it("does not wait past the attempt's budget when Retry-After asks for longer", async () => {
    const c = connector([new ConnectorError(429, { "retry-after": "120" })]);
    expect(await sendWithRetry(c.deps, {}, {})).toEqual({ outcome: "failed", error: "http_429", retryAfterMs: 120_000 });
    expect(c.waits).toEqual([]);
  });

  it("does not retry in place an error it cannot classify", async () => {
    const c = connector([new ConnectorError(400), new Error("socket hang up")]);
    expect(await sendWithRetry(c.deps, {}, {})).toEqual({ outcome: "failed", error: "http_400" });
    expect(describeSendError(new Error("socket hang up"), new Date())).toEqual({ reason: "socket hang up" });
  });
});
