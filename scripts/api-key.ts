// `npm run api-key -- create|list|revoke`: an organisation's API keys for /api/v1.
//   npm run api-key -- create --tenant <tenant id> --name "Power Automate flow" [--scope read|write]
//   npm run api-key -- list --tenant <tenant id>
//   npm run api-key -- revoke --tenant <tenant id> --id <key id>
// The key is printed once, at creation: only its hash is stored.
import { parseArgs } from "node:util";
import { configuredClock } from "../src/platform/clock";
import { createApiKeyAudited, revokeApiKeyAudited } from "../src/platform/integrations/changes";
import { API_KEY_SCOPES, type ApiKeyScope, listApiKeys } from "../src/platform/store/api-keys";
import { openDatabase } from "../src/platform/store/db";
import { findOrganisationByTenant } from "../src/platform/store/organisations";
import { configOrExit } from "./config-or-exit";

class UsageError extends Error {}

/** The audit history names the command line as who made or revoked the key. */
const COMMAND_LINE = { name: "npm run api-key" };

const USAGE = "usage: npm run api-key -- create --tenant <id> --name <name> [--scope read|write] | list --tenant <id> | revoke --tenant <id> --id <key id>";
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { tenant: { type: "string" }, name: { type: "string" }, scope: { type: "string", default: "read" }, id: { type: "string" } },
});
const command = positionals[0];
if (!command || !["create", "list", "revoke"].includes(command) || !values.tenant) {
  console.error(USAGE);
  process.exit(2);
}
const { config } = configOrExit();
const { db, close } = openDatabase(config.DATABASE_URL, { poolSize: 1 });
try {
  const organisation = await findOrganisationByTenant(db, values.tenant);
  if (!organisation) throw new UsageError(`no organisation with tenant id ${values.tenant}`);
  if (command === "create") {
    if (!values.name) throw new UsageError(USAGE);
    if (!(API_KEY_SCOPES as readonly string[]).includes(values.scope ?? "")) throw new UsageError("--scope must be read or write");
    const { key, info } = await createApiKeyAudited(db, {
      organisationId: organisation.id,
      name: values.name,
      scope: values.scope as ApiKeyScope,
      actor: COMMAND_LINE,
      now: configuredClock(config)(),
    });
    console.log(
      `created ${info.scope} key ${info.id} (${info.name}) for ${organisation.name}:\n\n  ${key}\n\nIt is shown only now: store it in the integration's secret store.`,
    );
  } else if (command === "list") {
    for (const key of await listApiKeys(db, organisation.id)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
      console.log(`${key.id}  ${key.prefix}…  ${key.scope.padEnd(5)}  ${state}  last used ${key.lastUsedAt?.toISOString() ?? "never"}  ${key.name}`);
    }
  } else {
    if (!values.id) throw new UsageError(USAGE);
    if (!(await revokeApiKeyAudited(db, { organisationId: organisation.id, id: values.id, actor: COMMAND_LINE, now: configuredClock(config)() })))
      throw new UsageError(`no active key ${values.id} in ${organisation.name}`);
    console.log(`revoked ${values.id}`);
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  await close();
}
