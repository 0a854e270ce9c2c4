// Expands the Adaptive Card templates kept as data: the platform's in the top-level cards/
// folder, each workflow's in its folder's cards/ (handed in by src/app.ts). Each template is
// read and parsed once, the first time it is rendered, and kept: parsing its expressions costs
// milliseconds per file (all of them at once held the first turn hundreds of milliseconds), expanding it a
// fraction of one. Expanding never changes the parsed template, and it runs to the end
// synchronously, so concurrent turns share it. Views pass plain data (strings already
// translated) and get back a card ready to send or to return from an invoke.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Template } from "adaptivecards-templating";

export type AdaptiveCard = Record<string, unknown> & { type: "AdaptiveCard"; version: string };

const PLATFORM_CARDS = new URL("../../../cards/", import.meta.url);
let cardFolders: readonly URL[] = [PLATFORM_CARDS];

let templateUrls: Map<string, URL> | undefined;
const parsed = new Map<string, Template>();

/** The workflows' `cards/` folders, beside the platform's: called once by the composition root. */
export function useCardFolders(folders: readonly URL[]): void {
  cardFolders = [PLATFORM_CARDS, ...folders];
  templateUrls = undefined;
  parsed.clear();
}

/** Every template file, by name: two folders may not hold the same name. */
export function templateFiles(): Map<string, URL> {
  const files = new Map<string, URL>();
  for (const folder of cardFolders) {
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".json"))) {
      const name = file.replace(/\.json$/, "");
      if (files.has(name)) throw new Error(`two card templates are named "${name}" (${files.get(name)?.pathname} and ${folder.pathname})`);
      files.set(name, new URL(file, folder));
    }
  }
  return files;
}

/** The parsed template named `name`: read and parsed on first use, then kept. */
function template(name: string): Template {
  let found = parsed.get(name);
  if (!found) {
    templateUrls ??= templateFiles();
    const file = templateUrls.get(name);
    if (!file) throw new Error(`no card template named "${name}"`);
    found = new Template(JSON.parse(readFileSync(file, "utf8")));
    parsed.set(name, found);
  }
  return found;
}

export function templateNames(): string[] {
  templateUrls ??= templateFiles();
  return [...templateUrls.keys()].sort();
}

export function renderCard(name: string, data: object): AdaptiveCard {
  return template(name).expand({ $root: data }) as AdaptiveCard;
}

/**
 * What one card's JSON may take: Teams refuses cards over 28 KB in webhooks and older clients,
 * and the activity around the card needs a little room of its own.
 */
const CARD_BYTE_BUDGET = 27 * 1024;

function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

/**
 * The card showing the most items, at most `max`, that fits the byte budget: `render(n)` draws
 * it with its first n items. Item texts come from data (a client's name may be 200 characters
 * of any script), so a fixed count cannot promise a fit; the card's frame with no item always does.
 */
export function largestFittingCard(max: number, render: (count: number) => AdaptiveCard): AdaptiveCard {
  const full = render(max);
  if (cardBytes(full) <= CARD_BYTE_BUDGET) return full;
  let best = render(0);
  let low = 1;
  let high = max - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const card = render(middle);
    if (cardBytes(card) <= CARD_BYTE_BUDGET) {
      best = card;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
