// A closed-loop load generator: `connections` workers, each sending its next request as soon
// as the previous answer is read, over kept-alive connections. Requests answered during the
// warm-up are not counted; at the end it waits for the requests in flight. Every answer goes
// through `check`, and a failed check counts as an error with its reason kept.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface LoadRequest {
  body: string;
  /** Says what is wrong with the answer, or undefined when it is right. */
  check(status: number, body: string): string | undefined | Promise<string | undefined>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** The request worker `worker` sends next; undefined ends that worker early (no work left). */
  next(worker: number): LoadRequest | undefined;
  /** CPU milliseconds the server process has used so far: its cost per request, whatever else runs. */
  serverCpuMs(): number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstErrors: string[];
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** The server's CPU time per measured request: steadier than req/s on a busy machine. */
  cpuMsPerRequest: number;
}

function post(agent: Agent, url: URL, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  const latencies: number[] = [];
  const firstErrors: string[] = [];
  let errors = 0;
  let lastAnswer = measureFrom;
  let cpuAtStart = Number.NaN;
  const cpuTimer = setTimeout(() => (cpuAtStart = options.serverCpuMs()), options.warmupMs);

  const worker = async (index: number) => {
    for (;;) {
      const now = performance.now();
      if (now >= stopAt) return;
      const next = options.next(index);
      if (!next) return;
      const sent = performance.now();
      let problem: string | undefined;
      try {
        const answer = await post(agent, url, next.body);
        problem = await next.check(answer.status, answer.body);
      } catch (error) {
        problem = (error as Error).message;
      }
      const answered = performance.now();
      if (sent < measureFrom) continue;
      lastAnswer = Math.max(lastAnswer, answered);
      latencies.push(answered - sent);
      if (problem) {
        errors += 1;
        if (firstErrors.length < 3) firstErrors.push(problem);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, index) => worker(index)));
  clearTimeout(cpuTimer);
  const cpuUsed = options.serverCpuMs() - cpuAtStart;
  agent.destroy();
  const seconds = Math.max(0.001, (Math.min(stopAt, lastAnswer) - measureFrom) / 1000);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    firstErrors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuMsPerRequest: cpuUsed / Math.max(1, latencies.length),
  };
}
