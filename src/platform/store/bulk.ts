// Reads and writes of many rows at once, for imports of tens of thousands of records.
// Prisma's createMany and findMany `in` compile each call in its WebAssembly query compiler and
// bind one parameter per value: at 50,000 records that compile was a third of the import's CPU,
// and PostgreSQL planned a 500-value IN list as a scan of the organisation's rows. Here a chunk
// of rows or keys travels as ONE parameter, a JSON array, unpacked by the database (SQLite's
// json_each, PostgreSQL's json_array_elements) and joined by index: the statement's text is the
// same for every chunk and its parameter count never grows with the data. Values are written as Prisma writes them, so Prisma reads the rows back unchanged:
// instants in UTC (SQLite: ISO 8601 text with "+00:00"; PostgreSQL: timestamp(3) without zone),
// booleans as SQLite integers, enums as their PostgreSQL type.
// A table is described once, typed against the Prisma model's create input, so a column
// renamed in the schema stops the build; test/store/bulk.test.ts reads rows written
// here back through Prisma on both databases.
import type { DbTx } from "./db";

export type BulkColumnType = "text" | "integer" | "timestamp" | "boolean" | { enum: string };

export interface BulkTable<TRow> {
  /** The table's name in the database (the Prisma model's name). */
  table: string;
  /** Every column written, in a fixed order. */
  columns: readonly (keyof TRow & string)[];
  types: { readonly [K in keyof TRow & string]?: BulkColumnType };
}

/**
 * Describes a table for `insertRows`. `types` names every column written; `TRow` is the
 * model's unchecked create input (Prisma.AuditEntryCreateManyInput and the like), so a
 * required column left out (ids and timestamps included), or a column that does not exist, is
 * a type error.
 */
export function bulkTable<TRow>(
  table: string,
  types: { readonly [K in Written<TRow>]: BulkColumnType } & { readonly [K in keyof TRow & string]?: BulkColumnType },
): BulkTable<TRow> {
  return { table, columns: Object.keys(types) as (keyof TRow & string)[], types };
}

type RequiredKeys<T> = { [K in keyof T & string]-?: undefined extends T[K] ? never : K }[keyof T & string];
/**
 * The required columns, and those Prisma fills in on the client that a raw insert must write:
 * ids, @updatedAt and @default(now()) (Prisma writes the process's clock in its own format, not
 * the database's default, and rows must sort alike whoever wrote them).
 */
type Written<T> = RequiredKeys<T> | Extract<keyof T, "id" | "createdAt" | "updatedAt">;

/** Rows per statement: a JSON parameter of a few hundred kilobytes. */
export const BULK_CHUNK = 1_000;
/** Keys per lookup. */
export const KEY_CHUNK = 5_000;

type Row<TRow> = { readonly [K in keyof TRow]?: unknown };

/** Inserts the rows, BULK_CHUNK per statement, inside the caller's transaction when given one. */
export async function insertRows<TRow>(tx: DbTx, table: BulkTable<TRow>, rows: readonly Row<TRow>[]): Promise<void> {
  if (rows.length === 0) return;
  const postgres = providerOf(tx) === "postgresql";
  const sql = postgres ? postgresInsert(table) : sqliteInsert(table);
  for (let start = 0; start < rows.length; start += BULK_CHUNK) {
    const chunk = rows.slice(start, start + BULK_CHUNK);
    const values = chunk.map((row) => table.columns.map((column) => jsonValue(row[column as keyof TRow], table.types[column], postgres)));
    await tx.$executeRawUnsafe(sql, JSON.stringify(values));
  }
}

/**
 * The rows of `table` whose `key.column` holds one of `key.values`, within one scope when given
 * (`scope.column` = `scope.value`, an organisation): a statement per KEY_CHUNK values, each by
 * index. The rows come back as Prisma's model rows (instants as Date), so `TRow` is the model's
 * row type, or the `columns` picked; a row matching several keys is returned once per match.
 */
export async function findRowsByKeys<TRow>(
  tx: DbTx,
  table: string,
  scope: { column: string; value: string } | undefined,
  key: { column: string; values: readonly string[] },
  columns?: readonly (keyof TRow & string)[],
): Promise<TRow[]> {
  const postgres = providerOf(tx) === "postgresql";
  const next = placeholders(postgres);
  const picked = columns ? columns.map((column) => `t.${quoted(column)}`).join(", ") : "t.*";
  const inScope = (first: string) => (scope ? `${first} t.${quoted(scope.column)} = ${next()}` : "");
  // PostgreSQL plans an IN (subquery) or = ANY list by the table's statistics, stale right
  // after a large import, and then scans the organisation's rows: a join on the unpacked keys
  // is planned as one index probe per key.
  const sql = postgres
    ? `SELECT ${picked} FROM json_array_elements_text(${next()}::json) AS k(value) JOIN ${quoted(table)} t ON t.${quoted(key.column)} = k.value${inScope(" AND")}`
    : `SELECT ${picked} FROM ${quoted(table)} t WHERE t.${quoted(key.column)} IN (SELECT value FROM json_each(${next()}))${inScope(" AND")}`;
  const found: TRow[] = [];
  for (let start = 0; start < key.values.length; start += KEY_CHUNK) {
    const chunk = JSON.stringify(key.values.slice(start, start + KEY_CHUNK));
    found.push(...(await tx.$queryRawUnsafe<TRow[]>(sql, ...(scope ? [chunk, scope.value] : [chunk]))));
  }
  return found;
}

/** PostgreSQL numbers its parameters ($1, $2 ...), SQLite takes them in order (?). */
function placeholders(postgres: boolean): () => string {
  let count = 0;
  return () => (postgres ? `$${++count}` : "?");
}

/** Which SQL dialect a client speaks: both generated clients share their models, not their SQL. */
export function providerOf(db: DbTx): "sqlite" | "postgresql" {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function sqliteInsert<TRow>(table: BulkTable<TRow>): string {
  const picks = table.columns.map((_, index) => `value ->> ${index}`);
  return `INSERT INTO ${quoted(table.table)} (${table.columns.map(quoted).join(", ")}) SELECT ${picks.join(", ")} FROM json_each(?)`;
}

function postgresInsert<TRow>(table: BulkTable<TRow>): string {
  const picks = table.columns.map((column, index) => `(item ->> ${index})${postgresCast(table.types[column])}`);
  return `INSERT INTO ${quoted(table.table)} (${table.columns.map(quoted).join(", ")}) SELECT ${picks.join(", ")} FROM json_array_elements($1::json) AS item`;
}

function postgresCast(type: BulkColumnType | undefined): string {
  if (type === undefined || type === "text") return "";
  if (type === "integer") return "::integer";
  if (type === "timestamp") return "::timestamp(3)";
  if (type === "boolean") return "::boolean";
  return `::${quoted(type.enum)}`;
}

function jsonValue(value: unknown, type: BulkColumnType | undefined, postgres: boolean): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("an invalid date cannot be stored");
    // PostgreSQL's timestamp without zone takes the UTC wall time; SQLite keeps Prisma's text.
    return postgres ? value.toISOString().replace("Z", "") : value.toISOString().replace("Z", "+00:00");
  }
  if (type === "boolean" && !postgres) return value ? 1 : 0;
  if (type === "integer" && (typeof value !== "number" || !Number.isInteger(value))) throw new TypeError(`expected an integer, got ${String(value)}`);
  return value;
}
