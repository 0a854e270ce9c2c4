// Draws the two Teams app icons into manifest/: color.png (192x192, a white approval glyph on
// the brand colour) and outline.png (32x32, the same glyph in white on transparent).
// Kept as code so the icons can be redrawn in a new colour without an image editor; the PNGs
// are committed, so packaging never needs to run this. Run: npx tsx scripts/make-icons.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

/** Must match accentColor in manifest/manifest.json. */
const BRAND = { r: 0x1f, g: 0x5f, b: 0xad };
const WHITE = 255;
/** Samples per pixel side: 4x4 sub-samples give smooth edges without a drawing library. */
const SUPERSAMPLING = 4;

interface Glyph {
  ringRadius: number;
  ringWidth: number;
  checkWidth: number;
}

/** Proportions of the canvas: the outline icon is small, so its strokes are relatively thicker. */
const COLOR_GLYPH: Glyph = { ringRadius: 0.27, ringWidth: 0.045, checkWidth: 0.055 };
const OUTLINE_GLYPH: Glyph = { ringRadius: 0.4, ringWidth: 0.09, checkWidth: 0.1 };

/** The check mark, as a polyline in the glyph's own units (ring radius = 1, centre = 0,0). */
const CHECK_POINTS: ReadonlyArray<readonly [number, number]> = [
  [-0.45, 0.02],
  [-0.12, 0.35],
  [0.48, -0.3],
];

function distanceToSegment(px: number, py: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether a point of the unit canvas (0..1 on both axes) lies on the glyph. */
function onGlyph(x: number, y: number, glyph: Glyph): boolean {
  const cx = x - 0.5;
  const cy = y - 0.5;
  if (Math.abs(Math.hypot(cx, cy) - glyph.ringRadius) <= glyph.ringWidth / 2) return true;
  const points = CHECK_POINTS.map(([gx, gy]) => [gx * glyph.ringRadius, gy * glyph.ringRadius] as const);
  for (let i = 0; i + 1 < points.length; i += 1) {
    if (distanceToSegment(cx, cy, points[i]!, points[i + 1]!) <= glyph.checkWidth / 2) return true;
  }
  return false;
}

/** Share (0..1) of a pixel covered by the glyph. */
function coverage(px: number, py: number, size: number, glyph: Glyph): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
      const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
      const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
      if (onGlyph(x, y, glyph)) inside += 1;
    }
  }
  return inside / (SUPERSAMPLING * SUPERSAMPLING);
}

function draw(size: number, paint: (png: PNG, offset: number, cover: number) => void, glyph: Glyph): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      paint(png, (y * size + x) * 4, coverage(x, y, size, glyph));
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** Opaque brand colour, glyph blended in white. */
export function drawColorIcon(): Buffer {
  const blend = (base: number, cover: number) => Math.round(base + (WHITE - base) * cover);
  return draw(
    192,
    (png, offset, cover) => {
      png.data[offset] = blend(BRAND.r, cover);
      png.data[offset + 1] = blend(BRAND.g, cover);
      png.data[offset + 2] = blend(BRAND.b, cover);
      png.data[offset + 3] = 255;
    },
    COLOR_GLYPH,
  );
}

/** Teams tints the outline icon itself: every pixel is white, only its alpha carries the shape. */
export function drawOutlineIcon(): Buffer {
  return draw(
    32,
    (png, offset, cover) => {
      png.data[offset] = WHITE;
      png.data[offset + 1] = WHITE;
      png.data[offset + 2] = WHITE;
      png.data[offset + 3] = Math.round(255 * cover);
    },
    OUTLINE_GLYPH,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifestDir = fileURLToPath(new URL("../manifest/", import.meta.url));
  writeFileSync(`${manifestDir}color.png`, drawColorIcon());
  writeFileSync(`${manifestDir}outline.png`, drawOutlineIcon());
  console.log("Wrote manifest/color.png (192x192) and manifest/outline.png (32x32).");
}
