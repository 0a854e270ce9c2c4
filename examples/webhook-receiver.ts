// A minimal receiver for the bot's webhooks, to copy into an integration: it checks the
// Standard Webhooks signature over the raw body, refuses timestamps more than five minutes
// off (a captured request replayed later), and handles each webhook-id once (a retry of a
// delivery it already took is acknowledged and skipped). Run it with
//   WEBHOOK_SECRET=whsec_... PORT=4000 npx tsx examples/webhook-receiver.ts
// Keep the seen ids in your database in production; a Set forgets them on restart.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";

export interface ReceivedEvent {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
}

export function verify(secret: string, id: string, timestamp: string, signatures: string, body: string, nowSeconds: number): boolean {
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = Buffer.from(`v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`);
  return signatures.split(" ").some((candidate) => candidate.length === expected.length && timingSafeEqual(Buffer.from(candidate), expected));
}

export interface ReceiverOptions {
  secret: string;
  port?: number;
  onEvent: (event: ReceivedEvent) => void | Promise<void>;
  /** Seconds since the epoch; tests pass the sender's clock. */
  now?: () => number;
}

export function startWebhookReceiver(options: ReceiverOptions): Promise<Server> {
  const seen = new Set<string>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const [id, timestamp, signatures] = ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => String(req.headers[name] ?? ""));
    if (!id || !verify(options.secret, id, timestamp ?? "", signatures ?? "", body, options.now?.() ?? Date.now() / 1000)) {
      res.writeHead(401);
      res.end();
      return;
    }
    if (!seen.has(id)) {
      try {
        await options.onEvent(JSON.parse(body) as ReceivedEvent);
      } catch {
        // Not taken: the sender retries with the same webhook-id.
        res.writeHead(500);
        res.end();
        return;
      }
      seen.add(id);
    }
    res.writeHead(204);
    res.end();
  });
  return new Promise((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const secret = process.env.WEBHOOK_SECRET ?? "";
  if (!secret) throw new Error("set WEBHOOK_SECRET to the endpoint's secret (whsec_...)");
  const server = await startWebhookReceiver({
    secret,
    port: Number(process.env.PORT ?? 4000),
    onEvent: (event) => console.log(event.type, event.id, JSON.stringify(event.data)),
  });
  console.log("listening on", server.address());
}
