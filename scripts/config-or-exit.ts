// What the npm scripts that touch the database start with: the folded tables of the shipped
// workflows and the validated configuration (src/platform/config.ts plus every workflow's
// settings), the same settings `npm start` reads; or, when a setting is bad, its message and
// exit code 2, as `npm start` does.
import { loadAppConfig, platformTables } from "../src/app";
import type { PlatformTables } from "../src/platform/fold";
import { ConfigError, type TConfig } from "../src/platform/config";

export function configOrExit(): { config: TConfig; tables: PlatformTables } {
  const tables = platformTables();
  try {
    return { config: loadAppConfig(process.env, tables), tables };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
