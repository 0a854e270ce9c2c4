// What every handler may use, built once in the composition root (src/app.ts) and passed in:
// no handler reads the environment, the clock or a global client by itself.
import type { Clock } from "./clock";
import type { TConfig } from "./config";
import type { Recognizer } from "./conversation/recognizer";
import type { PlatformTables } from "./fold";
import type { Logger } from "./logger";
import type { Db } from "./store/db";

export interface Services {
  config: TConfig;
  db: Db;
  logger: Logger;
  clock: Clock;
  recognizer: Recognizer;
  /** Every workflow's verbs, intents, deadlines, sections and routes, folded once (src/app.ts). */
  tables: PlatformTables;
}
