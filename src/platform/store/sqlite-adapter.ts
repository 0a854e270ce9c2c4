// The SQLite driver adapter, made to behave like a database for concurrent callers. The stock
// adapter holds one connection and a lock only between transactions: a query made outside a
// transaction while another caller's transaction is open runs INSIDE that transaction on the
// shared connection (it reads uncommitted rows, and its writes vanish if that transaction rolls
// back). Here every query outside a transaction waits for the open transaction to end.
// Transactions also begin IMMEDIATE: a transaction that reads and then writes takes the write
// lock up front, so another process writing the same file makes it wait (busy_timeout) instead
// of failing at once with SQLITE_BUSY when it upgrades from reading to writing.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

export interface SqliteAdapterConfig {
  url: string;
  /** busy_timeout in milliseconds: how long to wait for another process's write lock. */
  timeout: number;
}

export function serializedSqliteAdapter(config: SqliteAdapterConfig) {
  const stock = new PrismaBetterSQLite3(config);
  return {
    provider: "sqlite" as const,
    adapterName: stock.adapterName,
    connect: async (): Promise<Adapter> => serialized(await stock.connect()),
  };
}

function serialized(connection: Adapter): Adapter {
  const lock = new ConnectionLock();
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

// Prisma sends COMMIT or ROLLBACK itself (usePhantomQuery false), then calls commit() or
// rollback(): by then the connection is free for the next caller.
function transactionOn(connection: Adapter, release: () => void): Transaction {
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => connection.queryRaw(query),
    executeRaw: (query) => connection.executeRaw(query),
    commit: async () => release(),
    rollback: async () => release(),
  };
}

/** First come, first served access to the one connection. */
class ConnectionLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let free!: () => void;
    const freed = new Promise<void>((resolve) => (free = resolve));
    const turn = this.#tail.then(() => {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        free();
      };
    });
    this.#tail = this.#tail.then(() => freed);
    return turn;
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
