// The HTTP surface: the Bot Framework endpoint, liveness and readiness probes, and the
// /api/v1 routes features register. Shutdown drains: the server keeps listening, answers 503
// to /readyz (so a load balancer takes the instance out) and to new turns, lets the turns in
// flight finish (up to a grace period), and only then closes, so the caller closes the
// database.
import type { CloudAdapter } from "botbuilder";
import restify from "restify";
import type { PartnerOpsBot } from "../bot/bot";
import { isOpenLocalMode } from "../config";
import type { Services } from "../services";
import { checkDatabaseWritable } from "../store/readiness";
import { checkActivityEnvelope } from "./activity-door";
import { duplicateKeyIn, unsafeStringIn } from "./strict-json";

export interface HttpServer {
  server: restify.Server;
  /** The port actually bound (PORT=0 picks a free one). */
  port: number;
  close(): Promise<void>;
}

/**
 * A JSON body with a key given twice is refused everywhere (a reader and the bot would see
 * different values); API bodies with a NUL or a lone surrogate in a string are refused too.
 */
function refuseAmbiguousJson(req: restify.Request, res: restify.Response, next: restify.Next): void {
  const raw = (req as restify.Request & { rawBody?: unknown }).rawBody;
  if (typeof raw !== "string" || !req.is("json")) {
    next();
    return;
  }
  const duplicate = duplicateKeyIn(raw);
  if (duplicate !== undefined) {
    res.send(400, { error: "invalid_request", message: `the JSON body names the key "${duplicate}" more than once` });
    next(false);
    return;
  }
  const unsafe = req.path().startsWith("/api/v1/") ? unsafeStringIn(req.body) : undefined;
  if (unsafe !== undefined) {
    res.send(400, { error: "invalid_request", fields: { [unsafe]: "contains a NUL character or a lone surrogate" } });
    next(false);
    return;
  }
  next();
}

export type RouteRegistrar = (server: restify.Server, services: Services) => void;

export async function startHttpServer(
  services: Services,
  adapter: CloudAdapter,
  bot: PartnerOpsBot,
  registrars: readonly RouteRegistrar[] = [],
): Promise<HttpServer> {
  const server = restify.createServer({ name: "partner-ops-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  server.use(refuseAmbiguousJson);
  const openMode = isOpenLocalMode(services.config);
  let inFlight = 0;
  let draining = false;

  server.post("/api/messages", async (req, res) => {
    if (draining) {
      res.header("Connection", "close");
      res.send(503, { error: "shutting down" });
      return;
    }
    const verdict = checkActivityEnvelope(req.body, openMode, services.config.SERVICE_URL_ALLOW_LIST);
    if (!verdict.ok) {
      res.send(verdict.status, { error: "invalid_request", message: verdict.message });
      return;
    }
    inFlight += 1;
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      // adapter.process answers its own failures; this is what escapes it, answered without details.
      services.logger.error({ err: error }, "request to /api/messages failed");
      if (!res.headersSent) res.send(500, { error: "internal", message: "the request could not be processed" });
    } finally {
      inFlight -= 1;
    }
  });

  server.get("/healthz", async (_req, res) => {
    res.send(200, { status: "ok" });
  });

  server.get("/readyz", async (_req, res) => {
    const provider = services.config.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres";
    const readiness = await checkDatabaseWritable(services.db, provider, services.config.READINESS_TIMEOUT_MS);
    if (!readiness.ready) {
      services.logger.warn({ reason: readiness.reason }, "readiness check failed");
      res.send(503, { status: "unavailable", database: readiness.reason === "timeout" ? "not answering" : "not writable" });
      return;
    }
    if (draining) res.header("Connection", "close");
    res.send(draining ? 503 : 200, { status: draining ? "draining" : "ready", database: provider });
  });

  for (const register of registrars) register(server, services);

  await new Promise<void>((resolve) => server.listen(services.config.PORT, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : services.config.PORT;

  return {
    server,
    port,
    close: async () => {
      draining = true;
      // Still listening: probes and new turns get their 503 instead of a refused connection.
      const deadline = performance.now() + services.config.SHUTDOWN_GRACE_MS;
      while (inFlight > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (inFlight > 0) services.logger.warn({ inFlight }, "shutdown grace period over with turns in flight");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would hold server.close() open.
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    },
  };
}
