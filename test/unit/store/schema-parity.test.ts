// One code base serves SQLite and PostgreSQL, typed against the SQLite client: the two
// schemas must declare the same models, fields, attributes and indexes.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

function models(provider: "sqlite" | "postgres"): string {
  const schema = readFileSync(new URL(`../../../prisma/${provider}/schema.prisma`, import.meta.url), "utf8");
  return schema
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => line !== "")
    .join("\n")
    .replace(/^(generator|datasource) \w+ \{[^}]*\}\n?/gm, "");
}

describe("the SQLite and PostgreSQL schemas", () => {
  it("declare identical models", () => {
    expect(models("postgres")).toBe(models("sqlite"));
    expect(models("sqlite")).toMatch(/model Engagement \{/);
  });

  it("keep the same migration history", () => {
    const names = (provider: string) =>
      readdirSync(new URL(`../../../prisma/${provider}/migrations/`, import.meta.url))
        .filter((name) => !name.endsWith(".toml"))
        .sort();
    expect(names("postgres")).toEqual(names("sqlite"));
  });
});
