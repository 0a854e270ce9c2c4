// Checks a rendered Adaptive Card the way Teams will see it from our bot: parsed and validated
// by the official renderer (adaptivecards@3.0.6), plus the rules Teams adds on top: card version
// 1.5 (Universal Actions), only the elements and actions Teams renders in bot cards, and our
// 28 KB budget per card, and no template expression left unexpanded. Returns human-readable
// problems; an empty list means the card is fine.
import * as AdaptiveCards from "adaptivecards";
import { Window } from "happy-dom";

/** Teams needs 1.5 for Action.Execute with refresh; 1.6 elements do not render in every client. */
export const REQUIRED_CARD_VERSION = "1.5";
/** Bot messages may be larger today, but 28 KB is the limit everywhere (webhooks, older clients). */
export const MAX_CARD_BYTES = 28 * 1024;

/**
 * What Teams renders in a bot's 1.5 card. Anything else is refused even when the renderer
 * knows it: Media does not play in bot cards on every client, Action.Http is Outlook-only,
 * and Rating, Input.Rating, Icon, Carousel, Badge and friends are 1.6 or preview elements.
 */
const ALLOWED_ELEMENTS = new Set([
  "TextBlock",
  "RichTextBlock",
  "TextRun",
  "Image",
  "ImageSet",
  "Container",
  "ColumnSet",
  "Column",
  "FactSet",
  "ActionSet",
  "Table",
  "TableRow",
  "TableCell",
  "Input.Text",
  "Input.Number",
  "Input.Date",
  "Input.Time",
  "Input.Toggle",
  "Input.ChoiceSet",
]);
const ALLOWED_ACTIONS = new Set(["Action.Execute", "Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility"]);

/**
 * Keys whose contents are not card structure: `data` is an action's free-form payload (it may
 * well hold a `type` of its own) or a choice set's Data.Query, and `msteams` holds Teams extras
 * such as mention entities.
 */
const OPAQUE_KEYS = new Set(["data", "msteams"]);

let domReady = false;

/**
 * Parsing and validation run without a DOM, but rendering builds HTML elements: give the
 * renderer a DOM in Node, once, unless the test environment already has one.
 */
function ensureDom(): void {
  if (domReady) return;
  const global = globalThis as Record<string, unknown>;
  if (global.document === undefined) {
    const window = new Window({ url: "https://localhost/" });
    const dom = window as unknown as Record<string, unknown>;
    // Node 21+ has a getter-only `navigator` of its own: define the DOM's over it, do not assign.
    for (const [name, value] of Object.entries({ window, document: window.document, navigator: window.navigator })) {
      Object.defineProperty(global, name, { value, configurable: true, writable: true });
    }
    // The renderer uses DOM classes by name (HTMLButtonElement, HTMLInputElement...): expose
    // every constructor happy-dom has and Node lacks, leaving Node's own (URL, Event...) alone.
    for (const name of Object.getOwnPropertyNames(window)) {
      if (/^[A-Z]/.test(name) && !(name in global)) global[name] = dom[name];
    }
  }
  domReady = true;
}

function unsupportedTypes(node: unknown, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) unsupportedTypes(item, `${path}[${index}]`, problems);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const type = (node as { type?: unknown }).type;
  if (typeof type === "string" && path !== "card" && !isAllowedType(type, path)) {
    problems.push(`${path}: "${type}" is not supported in Teams bot cards`);
  }
  for (const [key, value] of Object.entries(node)) {
    if (!OPAQUE_KEYS.has(key)) unsupportedTypes(value, `${path}.${key}`, problems);
  }
}

/** adaptivecards-templating leaves an expression it cannot resolve in place, so a missing value shows as "${...}". */
function unexpandedTemplates(node: unknown, path: string, problems: string[]): void {
  if (typeof node === "string") {
    const expression = /\$\{[^}]*\}?/.exec(node);
    if (expression) problems.push(`${path}: unexpanded template expression ${JSON.stringify(expression[0])}`);
  } else if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) unexpandedTemplates(item, `${path}[${index}]`, problems);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) unexpandedTemplates(value, `${path}.${key}`, problems);
  }
}

function isAllowedType(type: string, path: string): boolean {
  // An Action.ShowCard carries a nested card of its own.
  if (type === "AdaptiveCard") return path.endsWith(".card");
  return ALLOWED_ELEMENTS.has(type) || ALLOWED_ACTIONS.has(type);
}

function rendererProblems(card: object): string[] {
  ensureDom();
  const context = new AdaptiveCards.SerializationContext();
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) {
    const event = context.getEventAt(index);
    problems.push(`renderer (parse, ${AdaptiveCards.ValidationEvent[event.event]}): ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`renderer (validation, ${AdaptiveCards.ValidationEvent[event.event]}): ${event.message}`);
  }
  // Render to HTML as a client does: the renderer throws, or yields nothing, on a card it cannot display.
  try {
    if (!parsed.render()) problems.push("renderer (render): the card renders to nothing");
  } catch (error) {
    problems.push(`renderer (render): ${(error as Error).message}`);
  }
  return problems;
}

export function validateAdaptiveCard(card: object): string[] {
  const problems: string[] = [];
  const root = card as { type?: unknown; version?: unknown };
  if (root.type !== "AdaptiveCard") problems.push(`card: type must be "AdaptiveCard", not ${JSON.stringify(root.type)}`);
  if (root.version !== REQUIRED_CARD_VERSION) {
    problems.push(`card: version must be "${REQUIRED_CARD_VERSION}", not ${JSON.stringify(root.version)}`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(card), "utf8");
  if (bytes > MAX_CARD_BYTES) problems.push(`card: ${bytes} bytes of JSON, over the ${MAX_CARD_BYTES}-byte budget`);
  unsupportedTypes(card, "card", problems);
  unexpandedTemplates(card, "card", problems);
  problems.push(...rendererProblems(card));
  return problems;
}
