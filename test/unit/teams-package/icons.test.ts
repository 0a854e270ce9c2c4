// The icons Teams shows: a 192x192 full-colour icon and a 32x32 outline that is white on
// transparent only (Teams tints the outline itself, so any other colour shows up wrong).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { drawColorIcon, drawOutlineIcon } from "../../../scripts/make-icons";
import { DEFAULT_MANIFEST_DIR, pngSize } from "../../../scripts/package-teams";

const icon = (name: string) => readFileSync(join(DEFAULT_MANIFEST_DIR, name));
const manifest = JSON.parse(icon("manifest.json").toString("utf8"));

describe("the app icons", () => {
  it("has a 192x192 colour icon, read from the PNG header", () => {
    expect(pngSize(icon(manifest.icons.color))).toEqual({ width: 192, height: 192 });
  });

  it("has a 32x32 outline icon, read from the PNG header", () => {
    expect(pngSize(icon(manifest.icons.outline))).toEqual({ width: 32, height: 32 });
  });

  it("draws the outline in white on transparent only", () => {
    const { data } = PNG.sync.read(icon(manifest.icons.outline));
    const offending: number[] = [];
    for (let offset = 0; offset < data.length; offset += 4) {
      const transparent = data[offset + 3] === 0;
      const white = data[offset] === 255 && data[offset + 1] === 255 && data[offset + 2] === 255;
      if (!transparent && !white) offending.push(offset / 4);
    }
    expect(offending).toEqual([]);
    const alphas = new Set(Array.from({ length: data.length / 4 }, (_, pixel) => data[pixel * 4 + 3]));
    expect(alphas.has(0) && alphas.has(255)).toBe(true);
  });

  it("paints the colour icon opaque in the manifest's accent colour around a white glyph", () => {
    const { data, width } = PNG.sync.read(icon(manifest.icons.color));
    const hex = (offset: number) => `#${[0, 1, 2].map((channel) => data[offset + channel]!.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
    expect(hex(0)).toBe(manifest.accentColor);
    expect(data[3]).toBe(255);
    const pixels = Array.from({ length: data.length / 4 }, (_, pixel) => pixel * 4);
    expect(pixels.every((offset) => data[offset + 3] === 255)).toBe(true);
    expect(pixels.some((offset) => hex(offset) === "#FFFFFF")).toBe(true);
    expect(width).toBe(192);
  });

  it("are the ones scripts/make-icons.ts draws, so the committed PNGs and the script agree", () => {
    expect(drawColorIcon().equals(icon(manifest.icons.color))).toBe(true);
    expect(drawOutlineIcon().equals(icon(manifest.icons.outline))).toBe(true);
  });
});
