// This instance's webhook delivery loop (src/app.ts): every WEBHOOKS_POLL_MS it delivers what
// is due until nothing is. Every instance runs one; the lease claims keep them apart.
import { randomUUID } from "node:crypto";
import type { Services } from "../services";
import { deliverDueWebhooks } from "./delivery";

export function startWebhookDelivery(services: Pick<Services, "db" | "config" | "clock" | "logger">): { stop(): Promise<void> } {
  if (!services.config.WEBHOOKS_ENABLED) return { stop: async () => undefined };
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const tick = () => {
    running = deliverDueWebhooks({
      db: services.db,
      owner,
      clock: services.clock,
      logger: services.logger,
      timeoutMs: services.config.WEBHOOKS_TIMEOUT_MS,
      stopping: () => stopping,
    })
      .catch((error: unknown) => services.logger.error({ err: error }, "webhook delivery run failed"))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, services.config.WEBHOOKS_POLL_MS);
      });
  };
  timer = setTimeout(tick, services.config.WEBHOOKS_POLL_MS);
  return {
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
