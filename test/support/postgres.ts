// The PostgreSQL server tests run against: TEST_POSTGRES_URL, or the local server every
// developer and CI machine runs (trust auth on 127.0.0.1:5432).
import pg from "pg";

const base = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export function postgresUrl(database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
