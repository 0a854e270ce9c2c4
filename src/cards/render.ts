// Expands the Adaptive Card templates kept as data in the top-level cards/ folder. Templates
// are read and parsed once, on first use of the renderer; views pass plain data (strings
// already translated) and get back a card ready to send or to return from an invoke.
import { readdirSync, readFileSync } from "node:fs";
import { Template } from "adaptivecards-templating";

export type AdaptiveCard = Record<string, unknown> & { type: "AdaptiveCard"; version: string };

const cardsFolder = new URL("../../cards/", import.meta.url);

let templates: Map<string, Template> | undefined;

function loadTemplates(): Map<string, Template> {
  const loaded = new Map<string, Template>();
  for (const file of readdirSync(cardsFolder).filter((name) => name.endsWith(".json"))) {
    loaded.set(file.replace(/\.json$/, ""), new Template(JSON.parse(readFileSync(new URL(file, cardsFolder), "utf8"))));
  }
  return loaded;
}

export function templateNames(): string[] {
  templates ??= loadTemplates();
  return [...templates.keys()].sort();
}

export function renderCard(name: string, data: object): AdaptiveCard {
  templates ??= loadTemplates();
  const template = templates.get(name);
  if (!template) throw new Error(`no card template named "${name}" in cards/`);
  return template.expand({ $root: data }) as AdaptiveCard;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
