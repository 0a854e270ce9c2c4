// The PostgreSQL server this test run uses, as global-setup.ts chose it (./postgres-server.ts):
// URLs of databases on it, and administrative statements.
import { inject } from "vitest";
import { databaseUrlOn, queryOn } from "./postgres-server";

export function postgresUrl(database: string): string {
  return databaseUrlOn(inject("postgresServerUrl"), database);
}

export async function adminQuery(sql: string): Promise<void> {
  await queryOn(inject("postgresServerUrl"), sql);
}
