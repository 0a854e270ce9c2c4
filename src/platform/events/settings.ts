// Webhook delivery settings read from the environment (spread into src/platform/config.ts).
import { z } from "zod";

export const webhookEnvShape = {
  WEBHOOKS_ENABLED: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  // How often an idle instance looks for due deliveries; a run goes on while rows are due.
  WEBHOOKS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
};
