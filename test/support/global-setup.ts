// Migrates one template database per run; every test file then gets a fresh copy of it
// (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL), which is far quicker
// than running the migrations per file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../src/store/migrate";
import { adminQuery, postgresUrl } from "./postgres";

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
  const name = `partner_ops_template_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(`CREATE DATABASE ${name}`);
  await migrateDatabase(postgresUrl(name));
  project.provide("templateDatabaseUrl", postgresUrl(name));
  return async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}
