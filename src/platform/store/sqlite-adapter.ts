// The SQLite driver adapter, made to behave like a database for concurrent callers. The stock
// adapter holds one connection and a lock only between transactions: a query made outside a
// transaction while another caller's transaction is open runs INSIDE that transaction on the
// shared connection (it reads uncommitted rows, and its writes vanish if that transaction rolls
// back). Here every query outside a transaction waits for the open transaction to end.
// Transactions also begin IMMEDIATE: a transaction that reads and then writes takes the write
// lock up front, so another process writing the same file makes it wait (busy_timeout) instead
// of failing at once with SQLITE_BUSY when it upgrades from reading to writing.
// The lock is released by the COMMIT or ROLLBACK itself, whether it succeeds or not: on a full
// disk COMMIT fails (and SQLite has already rolled back, so Prisma's ROLLBACK fails too), and
// Prisma then calls neither commit() nor rollback(). Every wait for the lock has a deadline.
// The file is kept in write-ahead-log mode, every commit still synced to disk (synchronous
// FULL): the default rollback journal syncs the journal and then the file on every commit, and
// the driver is synchronous, so each commit held the whole process for those syncs (on a
// virtual disk, 2 to 14 ms for a small transaction, against 0.4 to 2 ms as one log append).
// Readers in other processes no longer wait for a writer; writers still take turns through
// BEGIN IMMEDIATE and busy_timeout. The log (-wal, -shm) lives beside the file.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

export interface SqliteAdapterConfig {
  url: string;
  /** busy_timeout in milliseconds: how long to wait for another process's write lock. */
  timeout: number;
  /** How long a query waits for this process's connection (held by a transaction) before failing. */
  lockWaitMs: number;
}

/** A query waited longer than the lock deadline for the connection. */
export class SqliteBusyError extends Error {
  constructor(waitedMs: number) {
    super(`SQLite is busy: the connection was not free within ${waitedMs} ms`);
    this.name = "SqliteBusyError";
  }
}

export function serializedSqliteAdapter(config: SqliteAdapterConfig) {
  const stock = new PrismaBetterSQLite3({ url: config.url, timeout: config.timeout });
  return {
    provider: "sqlite" as const,
    adapterName: stock.adapterName,
    connect: async (): Promise<Adapter> => {
      const connection = await stock.connect();
      await connection.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
      return serialized(connection, config.lockWaitMs);
    },
  };
}

function serialized(connection: Adapter, lockWaitMs: number): Adapter {
  const lock = new ConnectionLock(lockWaitMs);
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    queryRaw: (query) => lock.around(() => connection.queryRaw(query)),
    executeRaw: (query) => lock.around(() => connection.executeRaw(query)),
    executeScript: (script) => lock.around(() => connection.executeScript(script)),
    ...(connection.getConnectionInfo ? { getConnectionInfo: connection.getConnectionInfo.bind(connection) } : {}),
    dispose: () => lock.around(() => connection.dispose()),
    async startTransaction(isolationLevel) {
      // SQLite transactions are serializable; anything weaker cannot be granted.
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new Error(`SQLite cannot run ${isolationLevel} transactions`);
      const release = await lock.acquire();
      try {
        await connection.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
      } catch (error) {
        release();
        throw error;
      }
      return transactionOn(connection, release);
    },
  };
}

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

// Prisma sends COMMIT or ROLLBACK itself (usePhantomQuery false), then calls commit() or
// rollback() only if that statement succeeded. The statement ending the transaction releases
// the lock; a failed COMMIT is followed by a ROLLBACK so the next caller finds no open
// transaction (SQLite may have rolled back already: that ROLLBACK's error says so, and is moot).
function transactionOn(connection: Adapter, release: () => void): Transaction {
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => connection.queryRaw(query),
    executeRaw: async (query) => {
      if (!ENDS_TRANSACTION.test(query.sql)) return connection.executeRaw(query);
      try {
        return await connection.executeRaw(query);
      } catch (error) {
        if (/^\s*COMMIT/i.test(query.sql)) await connection.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
        throw error;
      } finally {
        release();
      }
    },
    commit: async () => release(),
    rollback: async () => release(),
  };
}

/** First come, first served access to the one connection; a caller gives up after `waitMs`. */
export class ConnectionLock {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly waitMs: number) {}

  acquire(): Promise<() => void> {
    let free!: () => void;
    const freed = new Promise<void>((resolve) => (free = resolve));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      free();
    };
    const previous = this.#tail;
    this.#tail = previous.then(() => freed);
    return new Promise((resolve, reject) => {
      // A caller that gave up keeps its place in the queue and passes the turn on at once.
      const timer = setTimeout(() => {
        release();
        reject(new SqliteBusyError(this.waitMs));
      }, this.waitMs);
      void previous.then(() => {
        clearTimeout(timer);
        if (released) return;
        resolve(release);
      });
    });
  }

  async around<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
