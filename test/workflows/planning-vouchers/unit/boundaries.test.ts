// STYLE.md: a workflow's domain imports only the platform's domain (and its parsing and
// decimal libraries); it never reaches into the store, the bot or another workflow.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const folder = new URL("../../../../src/workflows/planning-vouchers/domain/", import.meta.url);
const ALLOWED = [/^\.\/[a-z-]+$/, /^\.\.\/\.\.\/\.\.\/platform\/domain\/[a-z-]+$/, /^zod$/, /^decimal\.js$/];

describe("the planning-voucher domain", () => {
  const files = readdirSync(folder).filter((name) => name.endsWith(".ts"));

  it.each(files)("%s imports only the platform's domain, its own files, zod and decimal.js", (file) => {
    const source = readFileSync(new URL(file, folder), "utf8");
    const imports = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1] ?? "");
    expect(imports.filter((path) => !ALLOWED.some((pattern) => pattern.test(path)))).toEqual([]);
  });

  it.each(files)("%s stays under 300 lines", (file) => {
    expect(readFileSync(new URL(file, folder), "utf8").split("\n").length).toBeLessThan(300);
  });
});
