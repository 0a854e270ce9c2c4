// Each card template is read and parsed once, when first rendered, and the kept template serves
// every later render: expanding it with one turn's data leaves nothing behind for the next.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const reads = vi.hoisted(() => ({ paths: [] as string[] }));

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const readFileSync = ((path: Parameters<typeof real.readFileSync>[0], ...rest: unknown[]) => {
    reads.paths.push(String(path instanceof URL ? path.pathname : path));
    return (real.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readFileSync;
  return { ...real, default: { ...real, readFileSync }, readFileSync };
});

// The setup files loaded the renderer already, with the real file system: load a fresh one.
vi.resetModules();
const { renderCard, templateNames, useCardFolders } = await import("../../../src/platform/cards/render");

const folder = mkdtempSync(join(tmpdir(), "cards-"));
const LIST = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    { type: "TextBlock", text: "${title}" },
    { type: "TextBlock", $data: "${items}", text: "${name} (${$index})", color: "${if(late, 'attention', 'default')}" },
    { type: "TextBlock", $when: "${count(items) == 0}", text: "Nothing here" },
  ],
};
const OTHER = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "${greeting}" }] };

const readsOf = (name: string) => reads.paths.filter((path) => path.endsWith(`/${name}.json`)).length;

beforeAll(() => {
  writeFileSync(join(folder, "cache-test-list.json"), JSON.stringify(LIST));
  writeFileSync(join(folder, "cache-test-other.json"), JSON.stringify(OTHER));
  useCardFolders([pathToFileURL(`${folder}/`)]);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("card templates kept once parsed", () => {
  it("lists the templates without reading any of them", () => {
    expect(templateNames()).toEqual(expect.arrayContaining(["cache-test-list", "cache-test-other", "error"]));
    expect(readsOf("cache-test-list")).toBe(0);
    expect(readsOf("error")).toBe(0);
  });

  it("reads a template the first time it is rendered, and never again", () => {
    renderCard("cache-test-list", { title: "One", items: [] });
    renderCard("cache-test-list", { title: "Two", items: [] });
    renderCard("cache-test-list", { title: "Three", items: [] });
    expect(readsOf("cache-test-list")).toBe(1);
    expect(readsOf("cache-test-other")).toBe(0);
  });

  it("gives each render its own card: the second data changes nothing in the first card", () => {
    const first = renderCard("cache-test-list", {
      title: "Pending",
      items: [
        { name: "ENG-1", late: true },
        { name: "ENG-2", late: false },
      ],
    });
    const snapshot = structuredClone(first);
    const second = renderCard("cache-test-list", { title: "Approved", items: [] });
    expect(first).toEqual(snapshot);
    expect(first.body).toEqual([
      { type: "TextBlock", text: "Pending" },
      { type: "TextBlock", text: "ENG-1 (0)", color: "attention" },
      { type: "TextBlock", text: "ENG-2 (1)", color: "default" },
    ]);
    expect(second.body).toEqual([
      { type: "TextBlock", text: "Approved" },
      { type: "TextBlock", text: "Nothing here" },
    ]);
  });

  it("is not changed by a caller that edits the card it was given", () => {
    const card = renderCard("cache-test-list", { title: "Edited", items: [{ name: "ENG-3", late: false }] });
    (card.body as unknown[]).push({ type: "TextBlock", text: "added by the caller" });
    (card.body as { text: string }[])[0]!.text = "changed";
    const again = renderCard("cache-test-list", { title: "Fresh", items: [{ name: "ENG-4", late: true }] });
    expect(again.body).toEqual([
      { type: "TextBlock", text: "Fresh" },
      { type: "TextBlock", text: "ENG-4 (0)", color: "attention" },
    ]);
  });

  it("serves turns rendering at once, each with its own data", async () => {
    const cards = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await Promise.resolve();
        return renderCard(
          i % 2 ? "cache-test-list" : "cache-test-other",
          i % 2 ? { title: `List ${i}`, items: [{ name: `ENG-${i}`, late: false }] } : { greeting: `Hello ${i}` },
        );
      }),
    );
    expect(cards.map((card) => (card.body as { text: string }[])[0]?.text)).toEqual(cards.map((_, i) => (i % 2 ? `List ${i}` : `Hello ${i}`)));
    expect(readsOf("cache-test-other")).toBe(1);
    expect(readsOf("cache-test-list")).toBe(1);
  });

  it("reads the templates again after the folders change", () => {
    useCardFolders([pathToFileURL(`${folder}/`)]);
    renderCard("cache-test-other", { greeting: "Hi" });
    expect(readsOf("cache-test-other")).toBe(2);
  });

  it("refuses a name no folder holds", () => {
    expect(() => renderCard("no-such-card", {})).toThrow('no card template named "no-such-card"');
  });
});
