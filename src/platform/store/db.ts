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

export interface OpenDatabaseOptions {
  /** PostgreSQL pool size per process. */
  poolSize?: number;
}

export function openDatabase(url?: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const target = resolveDatabaseUrl(url);
  const db = target.provider === "sqlite" ? openSqlite(target) : openPostgres(target.url, options.poolSize ?? 10);
  return { db, target, close: () => db.$disconnect() };
}

function openSqlite(target: Extract<DatabaseTarget, { provider: "sqlite" }>): Db {
  ensureSqliteFolder(target);
  // busy_timeout lets a second writer wait for the first instead of failing at once; the
  // serialized adapter keeps queries out of other callers' transactions (./sqlite-adapter.ts).
  const adapter = serializedSqliteAdapter({ url: target.url, timeout: 5_000 });
  return new SqliteClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 10_000 } });
}

function openPostgres(url: string, max: number): Db {
  const adapter = new PrismaPg({ connectionString: url, max });
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
