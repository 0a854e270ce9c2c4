// Opens the Prisma client for the store a DATABASE_URL names. Both generated clients come
// from schemas with identical models (checked by a test), so the rest of the code is typed
// against one of them: `Db`.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../../generated/postgres/client";
import { type Prisma, PrismaClient as SqliteClient } from "../../generated/sqlite/client";
import { type DatabaseTarget, ensureSqliteFolder, resolveDatabaseUrl } from "./database-url";
import { serializedSqliteAdapter } from "./sqlite-adapter";

export type Db = SqliteClient;
/** A client or an interactive transaction: repositories accept either. */
export type DbTx = Prisma.TransactionClient;

export interface OpenedDatabase {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

/**
 * Every wait on the database is bounded, well under the time Teams gives a turn (README,
 * "Failure behaviour"): a hung server or a held lock fails the request instead of holding it.
 */
export interface DatabaseTimeouts {
  /** PostgreSQL: opening a connection (DATABASE_CONNECT_TIMEOUT_MS). */
  connectMs: number;
  /** One statement, on the server and, should the server hang, on the client (DATABASE_STATEMENT_TIMEOUT_MS). */
  statementMs: number;
  /** SQLite: waiting for the process's one connection, held by a transaction (DATABASE_LOCK_WAIT_MS). */
  lockWaitMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 3_000, statementMs: 5_000, lockWaitMs: 5_000 };

export interface OpenDatabaseOptions {
  /** PostgreSQL pool size per process. */
  poolSize?: number;
  timeouts?: Partial<DatabaseTimeouts>;
}

export function openDatabase(url?: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const target = resolveDatabaseUrl(url);
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
  const db = target.provider === "sqlite" ? openSqlite(target, timeouts) : openPostgres(target.url, options.poolSize ?? 10, timeouts);
  return { db, target, close: () => db.$disconnect() };
}

function openSqlite(target: Extract<DatabaseTarget, { provider: "sqlite" }>, timeouts: DatabaseTimeouts): Db {
  ensureSqliteFolder(target);
  // busy_timeout lets a second writer wait for the first instead of failing at once; the
  // serialized adapter keeps queries out of other callers' transactions (./sqlite-adapter.ts).
  const adapter = serializedSqliteAdapter({ url: target.url, timeout: 5_000, lockWaitMs: timeouts.lockWaitMs });
  return new SqliteClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 10_000 } });
}

function openPostgres(url: string, max: number, timeouts: DatabaseTimeouts): Db {
  const adapter = new PrismaPg({
    connectionString: url,
    max,
    connectionTimeoutMillis: timeouts.connectMs,
    // The server ends a slow statement; the client gives up on a server that stopped answering
    // (the transaction it was in is then rolled back, not committed, when the server resumes).
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1_000,
    idle_in_transaction_session_timeout: timeouts.statementMs * 2,
  });
  const client = new PostgresClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 10_000 } });
  // Same models, same delegates: only the provider differs (test/unit/store/schema-parity.test.ts).
  return client as unknown as Db;
}

/** Unique-constraint violation, the same code on both providers. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}
