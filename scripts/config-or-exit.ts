// What the npm scripts that touch the database start with: the validated configuration
// (src/config.ts), the same settings `npm start` reads; or, when a setting is bad, its message
// and exit code 2, as `npm start` does.
import { ConfigError, loadConfig, type TConfig } from "../src/platform/config";

export function configOrExit(): TConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
