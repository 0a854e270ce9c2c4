// One JSON logger for the process (pino). Children carry a correlation id per turn.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "partner-ops-bot" } });
}
