// What a database's catalog says its schema is: tables, columns (type, nullability, default),
// indexes and uniques, foreign keys and enum values, read with sqlite_master and pragmas on
// SQLite and information_schema and pg_catalog on PostgreSQL, in an order that does not depend
// on how the schema was built (a column added later sits last in its table, which no model
// cares about). Prisma's own bookkeeping table is left out.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export interface SchemaCatalog {
  columns: string[];
  indexes: string[];
  constraints: string[];
  enums: string[];
}

const projectRoot = join(import.meta.dirname, "..", "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const BOOKKEEPING = "_prisma_migrations";

export async function readCatalog(provider: "sqlite" | "postgres", url: string): Promise<SchemaCatalog> {
  return provider === "sqlite" ? readSqliteCatalog(url.slice("file:".length)) : readPostgresCatalog(url);
}

function readSqliteCatalog(filename: string): SchemaCatalog {
  const db = new Database(filename, { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?").all(BOOKKEEPING) as { name: string }[]
    ).map((row) => row.name);
    const columns: string[] = [];
    const indexes: string[] = [];
    const constraints: string[] = [];
    for (const table of tables) {
      for (const c of db.pragma(`table_info("${table}")`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]) {
        columns.push(
          `${table}.${c.name} ${c.type}${c.notnull ? " NOT NULL" : ""}${c.dflt_value === null ? "" : ` DEFAULT ${c.dflt_value}`}${c.pk ? " PRIMARY KEY" : ""}`,
        );
      }
      for (const index of db.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string }[]) {
        const names = (db.pragma(`index_info("${index.name}")`) as { name: string }[]).map((column) => column.name);
        indexes.push(`${table} ${index.name}${index.unique ? " UNIQUE" : ""} (${names.join(", ")})`);
      }
      for (const fk of db.pragma(`foreign_key_list("${table}")`) as { table: string; from: string; to: string; on_update: string; on_delete: string }[]) {
        constraints.push(`${table}.${fk.from} -> ${fk.table}.${fk.to} ON UPDATE ${fk.on_update} ON DELETE ${fk.on_delete}`);
      }
    }
    return { columns: columns.sort(), indexes: indexes.sort(), constraints: constraints.sort(), enums: [] };
  } finally {
    db.close();
  }
}

async function readPostgresCatalog(url: string): Promise<SchemaCatalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines = async (sql: string) => (await client.query<{ line: string }>(sql, [BOOKKEEPING])).rows.map((row) => row.line).sort();
    return {
      columns: await lines(`
        SELECT table_name || '.' || column_name || ' ' || udt_name || coalesce('(' || character_maximum_length || ')', '')
               || coalesce(' p' || datetime_precision, '') || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
               || coalesce(' DEFAULT ' || column_default, '') AS line
          FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> $1`),
      indexes: await lines(`SELECT tablename || ' ' || indexdef AS line FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> $1`),
      constraints: await lines(`
        SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
          FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = current_schema() AND t.relname <> $1`),
      enums: await lines(`
        SELECT t.typname || ' (' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) || ')' AS line
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = current_schema() AND t.typname <> $1 GROUP BY t.typname`),
    };
  } finally {
    await client.end();
  }
}

/** The SQL that makes the committed schema from nothing, as `prisma migrate diff --from-empty` writes it. */
export function schemaScript(provider: "sqlite" | "postgres", url: string): Promise<string> {
  const args = [
    prismaCli,
    "migrate",
    "diff",
    "--config",
    join("prisma", provider, "prisma.config.ts"),
    "--from-empty",
    "--to-schema-datamodel",
    join("prisma", provider, "schema.prisma"),
    "--script",
  ];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`prisma migrate diff failed:\n${stderr}${stdout}`))));
  });
}

/** Runs a multi-statement script as it is. */
export async function runScript(provider: "sqlite" | "postgres", url: string, script: string): Promise<void> {
  if (provider === "sqlite") {
    const db = new Database(url.slice("file:".length));
    try {
      db.exec(script);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}
