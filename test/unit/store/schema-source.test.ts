// One schema source serves both stores: the committed SQLite and PostgreSQL schemas must be what
// `npm run db:schema` writes from prisma/schema/*.prisma and src/workflows/*/schema.prisma.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PROVIDERS, composeSchema, readSchemaSources } from "../../../scripts/db-schema-compose";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const committed = (provider: string) => readFileSync(join(root, "prisma", provider, "schema.prisma"), "utf8");

describe("the generated Prisma schemas", () => {
  it.each(PROVIDERS)("prisma/%s/schema.prisma is what npm run db:schema writes", (provider) => {
    expect(committed(provider), "run npm run db:schema and commit the result").toBe(composeSchema(provider, readSchemaSources(root)));
  });

  it("differ only in their provider lines", () => {
    const withoutProvider = (text: string) => text.replace(/sqlite|postgres(ql)?/g, "PROVIDER");
    expect(withoutProvider(committed("postgres"))).toBe(withoutProvider(committed("sqlite")));
  });

  it("give a workflow fragment's relation its back-relation on the platform model", () => {
    const sources = [
      { path: "prisma/schema/core.prisma", text: "model Organisation {\n  id   String @id\n  name String\n}\n" },
      {
        path: "src/workflows/vouchers/schema.prisma",
        text: 'model PlanningVoucher {\n  id             String       @id\n  organisationId String\n  organisation   Organisation @relation("Vouchers", fields: [organisationId], references: [id])\n}\n',
      },
    ];
    expect(composeSchema("sqlite", sources)).toContain('  name String\n  planningVouchers PlanningVoucher[] @relation("Vouchers")\n}');
  });

  it("read the platform's files first and every workflow's schema.prisma, never a draft", () => {
    const paths = readSchemaSources(root).map((source) => source.path);
    expect(paths[0]).toBe("prisma/schema/core.prisma");
    expect(paths).toContain("src/workflows/engagements/schema.prisma");
    expect(paths.every((path) => !path.endsWith(".draft.prisma"))).toBe(true);
  });

  it("keep the same migration history on both providers", () => {
    const names = (provider: string) =>
      readdirSync(join(root, "prisma", provider, "migrations"))
        .filter((name) => !name.endsWith(".toml"))
        .sort();
    expect(names("postgres")).toEqual(names("sqlite"));
  });
});
