// A fresh, migrated database for one test file, of the kind the vitest project names
// (TEST_DB_PROVIDER): SQLite in a temporary folder, or a new PostgreSQL database.
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { type Db, type OpenedDatabase, openDatabase } from "../../src/platform/store/db";
import { adminQuery, postgresUrl } from "./postgres";

export interface TestDatabase extends OpenedDatabase {
  url: string;
  /** Closes the client and removes the database. */
  destroy(): Promise<void>;
}

export const testProvider: "sqlite" | "postgres" = process.env.TEST_DB_PROVIDER === "postgres" ? "postgres" : "sqlite";

/** Creates a fresh database copied from the migrated template; does not open it. */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject("templateDatabaseUrl");
  if (testProvider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "partner-ops-test-"));
    const file = join(dir, "test.db");
    copyFileSync(template.slice("file:".length), file);
    return { url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const templateName = new URL(template).pathname.slice(1);
  const name = `partner_ops_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
  return { url: postgresUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Creates a new database with no tables at all, as a first deployment meets it. */
export async function createEmptyDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (testProvider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "partner-ops-empty-"));
    return { url: `file:${join(dir, "empty.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `partner_ops_empty_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: postgresUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, drop } = await createTestDatabaseUrl();
  const opened = openDatabase(url, { poolSize: 5 });
  return {
    ...opened,
    url,
    destroy: async () => {
      await opened.close();
      await drop();
    },
  };
}

export interface TwoInstanceDatabase {
  database: TestDatabase;
  /** Two pools on PostgreSQL, as two bot instances; on SQLite one client, since one process holds one connection. */
  clients: [Db, Db];
  destroy(): Promise<void>;
}

/** A fresh database seen by two clients, for tests that race two bot instances. */
export async function createTwoInstanceDatabase(): Promise<TwoInstanceDatabase> {
  const database = await createTestDatabase();
  const second = testProvider === "postgres" ? openDatabase(database.url, { poolSize: 5 }) : undefined;
  return {
    database,
    clients: [database.db, second?.db ?? database.db],
    destroy: async () => {
      await second?.close();
      await database.destroy();
    },
  };
}
