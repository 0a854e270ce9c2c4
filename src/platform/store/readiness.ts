// Readiness: can this instance write to its database now? A read alone passes on a read-only
// SQLite file or a PostgreSQL standby, so the probe makes a write that changes nothing, and it
// gives up after a deadline instead of hanging with a hung server.
import type { Db } from "./db";

export type Readiness = { ready: true } | { ready: false; reason: "timeout" | "unwritable" };

export async function checkDatabaseWritable(db: Db, provider: "sqlite" | "postgres", timeoutMs: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: "timeout" }), timeoutMs);
  });
  const probe = writeNothing(db, provider).then(
    (): Readiness => ({ ready: true }),
    (): Readiness => ({ ready: false, reason: "unwritable" }),
  );
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function writeNothing(db: Db, provider: "sqlite" | "postgres"): Promise<void> {
  if (provider === "sqlite") {
    // Rewriting the header's user_version with its own value is a write transaction on the
    // file: it fails on a read-only file or a full disk, and leaves the data as it was.
    const [row] = await db.$queryRawUnsafe<{ user_version: bigint | number }[]>("PRAGMA user_version");
    await db.$executeRawUnsafe(`PRAGMA user_version = ${Number(row?.user_version ?? 0)}`);
    return;
  }
  // A transaction id is assigned only where writes can happen: not on a standby, not read-only.
  await db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe("SELECT txid_current()");
  });
}
