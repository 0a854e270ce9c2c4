// Migrates one template database per run; every test file then gets a fresh copy of it
// (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL), which is far quicker
// than running the migrations per file. On PostgreSQL it first chooses the server (and starts
// an embedded one when there is none: ./postgres-server.ts), and says which in one line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../src/platform/store/migrate";
import { choosePostgresServer, databaseUrlOn, queryOn } from "./postgres-server";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A project's `env` reaches its test workers, not this setup: the project name says which store.
  const provider = project.name === "postgres" ? "postgres" : "sqlite";
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "partner-ops-template-"));
    const url = `file:${join(dir, "template.db")}`;
    await migrateDatabase(url);
    project.provide("templateDatabaseUrl", url);
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const server = await choosePostgresServer();
  console.log(`PostgreSQL for this run: ${server.description}`);
  const name = `partner_ops_template_${process.pid}`;
  try {
    await queryOn(server.url, `DROP DATABASE IF EXISTS ${name}`);
    await queryOn(server.url, `CREATE DATABASE ${name}`);
    await migrateDatabase(databaseUrlOn(server.url, name));
  } catch (error) {
    await server.close();
    throw error;
  }
  project.provide("postgresServerUrl", server.url);
  project.provide("templateDatabaseUrl", databaseUrlOn(server.url, name));
  return async () => {
    try {
      await queryOn(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await server.close();
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresServerUrl: string;
    templateDatabaseUrl: string;
  }
}
