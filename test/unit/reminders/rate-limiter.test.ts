// The client-side limiter keeps sends within Teams' per-conversation and per-tenant limits,
// on a pretend clock: sleeping advances it, nothing really waits.
import { describe, expect, it } from "vitest";
import { rateLimited, TeamsRateLimiter } from "../../../src/platform/reminders/rate-limiter";

function pretendClock() {
  let now = 0;
  const sleep = async (ms: number) => {
    now += ms;
  };
  return { now: () => now, sleep, at: () => now };
}

async function sendTimes(limiter: TeamsRateLimiter, clock: ReturnType<typeof pretendClock>, sends: [string, string][]): Promise<number[]> {
  const times: number[] = [];
  for (const [tenant, conversation] of sends) {
    await limiter.acquire(tenant, conversation);
    times.push(clock.at());
  }
  return times;
}

/** The most sends any window of `ms` holds. */
function busiest(times: number[], ms: number): number {
  return Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + ms).length));
}

describe("the Teams rate limiter", () => {
  it("sends at most 7 a second into one conversation", async () => {
    const clock = pretendClock();
    const times = await sendTimes(
      new TeamsRateLimiter(clock),
      clock,
      Array.from({ length: 20 }, () => ["t", "a:1"] as [string, string]),
    );
    expect(times.slice(0, 7)).toEqual(Array(7).fill(0));
    expect(times[7]).toBe(1_000);
    expect(busiest(times, 1_000)).toBe(7);
  });

  it("sends at most 60 per 30 seconds into one conversation", async () => {
    const clock = pretendClock();
    const times = await sendTimes(
      new TeamsRateLimiter(clock),
      clock,
      Array.from({ length: 130 }, () => ["t", "a:1"] as [string, string]),
    );
    expect(busiest(times, 30_000)).toBe(60);
    expect(times[60]).toBe(30_000);
  });

  it("sends at most 30 a second across one tenant's conversations, other tenants unaffected", async () => {
    const clock = pretendClock();
    const limiter = new TeamsRateLimiter(clock);
    const times = await sendTimes(
      limiter,
      clock,
      Array.from({ length: 45 }, (_, i) => ["t", `a:${i}`] as [string, string]),
    );
    expect(busiest(times, 1_000)).toBe(30);
    expect(times[30]).toBe(1_000);
    const before = clock.at();
    await limiter.acquire("other-tenant", "a:elsewhere");
    expect(clock.at()).toBe(before);
  });

  it("reads the conversation and tenant from the reference it sends to", async () => {
    const clock = pretendClock();
    const sent: number[] = [];
    const send = rateLimited(async () => void sent.push(clock.at()), new TeamsRateLimiter(clock));
    for (let i = 0; i < 8; i += 1) await send({ conversation: { id: "a:1", tenantId: "t" } }, { type: "message" });
    expect(sent).toEqual([...Array(7).fill(0), 1_000]);
  });
});
