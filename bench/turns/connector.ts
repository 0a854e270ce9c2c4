// The Bot Connector stand-in for bench:turns: answers every send at once, like the service
// would, and keeps each reply by the activity it answers until the load generator checks it,
// so memory stays flat however long the run.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface BenchConnector {
  serviceUrl: string;
  /** The reply to activity `activityId`, removed once taken. */
  takeReply(activityId: string): string | undefined;
  close(): Promise<void>;
}

export async function startBenchConnector(): Promise<BenchConnector> {
  const replies = new Map<string, string>();
  let sequence = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const replyTo = /\/activities\/([^/?]+)/.exec(req.url ?? "")?.[1];
      if (replyTo) replies.set(decodeURIComponent(replyTo), Buffer.concat(chunks).toString("utf8"));
      sequence += 1;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `sent-${sequence}` }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    takeReply: (activityId) => {
      const reply = replies.get(activityId);
      replies.delete(activityId);
      return reply;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
