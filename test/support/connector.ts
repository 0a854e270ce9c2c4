// A local stand-in for the Bot Connector service: it records every activity the bot sends
// (replies, proactive messages, updates) and answers as the real service would. It also serves
// the rosters tests give it (GET /v3/conversations/{id}/pagedmembers, a few members per page
// with continuation tokens) and opens personal chats (POST /v3/conversations: one conversation
// per user, the same id each time, as Teams does). Tests may script failures (429 with
// Retry-After, 5xx, 403, or no answer at all) through `respond`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface CapturedActivity {
  method: string;
  path: string;
  conversationId: string;
  /** The activity the bot sent. */
  activity: Record<string, unknown> & { type?: string; text?: string; attachments?: { content: Record<string, unknown> }[] };
  receivedAt: number;
}

/** A roster member as Teams lists it. */
export interface RosterAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  userPrincipalName?: string;
}

/** A scripted answer; `hang` never answers at all, as a connector that accepted the connection and stalled. */
export type ConnectorResponder = (
  request: CapturedActivity,
) => { status: number; headers?: Record<string, string>; body?: unknown; hang?: boolean } | undefined;

export interface StandInConnector {
  serviceUrl: string;
  activities: CapturedActivity[];
  /** Every request, including those answered with an error status. */
  requests: CapturedActivity[];
  respond: ConnectorResponder | undefined;
  /** Members by team id or group chat id, served page by page. */
  rosters: Map<string, RosterAccount[]>;
  /** Members per page at most, whatever page size the bot asks for: small, so tests see continuation tokens. */
  rosterPageSize: number;
  /** The create-conversation requests that opened a chat. */
  created: { body: Record<string, unknown>; conversationId: string }[];
  waitFor(predicate: (activities: CapturedActivity[]) => boolean, timeoutMs?: number): Promise<CapturedActivity[]>;
  clear(): void;
  close(): Promise<void>;
}

export async function startStandInConnector(): Promise<StandInConnector> {
  let sequence = 0;
  const connector: StandInConnector = {
    serviceUrl: "",
    activities: [],
    requests: [],
    respond: undefined,
    rosters: new Map(),
    rosterPageSize: 2,
    created: [],
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(connector.activities)) {
        if (Date.now() > deadline) throw new Error(`stand-in connector: condition not met in ${timeoutMs} ms (${connector.activities.length} activities)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return connector.activities;
    },
    clear: () => {
      connector.activities.length = 0;
      connector.requests.length = 0;
      connector.created.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "";
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as CapturedActivity["activity"]) : {};
      const conversationId = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(path)?.[1] ?? "");
      const captured: CapturedActivity = { method: req.method ?? "", path, conversationId, activity: body, receivedAt: Date.now() };
      connector.requests.push(captured);
      const scripted = connector.respond?.(captured);
      if (scripted?.hang) return;
      if (scripted && scripted.status >= 300) {
        res.writeHead(scripted.status, { "content-type": "application/json", ...scripted.headers });
        res.end(JSON.stringify(scripted.body ?? { error: { code: "Scripted", message: "scripted failure" } }));
        return;
      }
      const served = serveRosterOrCreate(connector, req.method ?? "", path, conversationId, body);
      if (served) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(served));
        return;
      }
      connector.activities.push(captured);
      sequence += 1;
      res.writeHead(scripted?.status ?? 200, { "content-type": "application/json", ...scripted?.headers });
      res.end(JSON.stringify(scripted?.body ?? { id: `activity-${sequence}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  connector.serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return connector;
}

/** Answers a roster page or a create-conversation; undefined for every other request. */
function serveRosterOrCreate(
  connector: StandInConnector,
  method: string,
  path: string,
  conversationId: string,
  body: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const url = new URL(path, "http://connector.invalid");
  if (method === "GET" && url.pathname.endsWith("/pagedmembers")) {
    const members = connector.rosters.get(conversationId) ?? [];
    const start = Number(url.searchParams.get("continuationToken") ?? "0");
    const size = Math.min(connector.rosterPageSize, Number(url.searchParams.get("pageSize") ?? "500"));
    const next = start + size;
    return { members: members.slice(start, next), ...(next < members.length ? { continuationToken: String(next) } : {}) };
  }
  if (method === "POST" && url.pathname === "/v3/conversations") {
    const member = (body.members as { id?: string }[] | undefined)?.[0]?.id ?? "unknown";
    const created = `a:opened-${member}`;
    connector.created.push({ body, conversationId: created });
    return { id: created };
  }
  return undefined;
}
