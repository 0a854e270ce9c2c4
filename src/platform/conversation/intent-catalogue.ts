// The intents the bot understands, as data: intents/<intent>.json holds the entities the intent
// uses and its training utterances in every language. A new workflow adds a file and a handler.
import { readFileSync, readdirSync } from "node:fs";
import { z } from "zod";
import { LOCALES, type Locale } from "../i18n/locale";

export const ENTITY_NAMES = ["engagementReference", "partialReference", "month", "range", "scope"] as const;

/** The catalogue's name for utterances the bot should not act on (off-topic questions). */
export const NONE_INTENT = "none";

const ZIntentDefinitionSchema = z.object({
  intent: z.string().regex(/^[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)*$/),
  entities: z.array(z.enum(ENTITY_NAMES)),
  utterances: z.object(Object.fromEntries(LOCALES.map((locale) => [locale, z.array(z.string().min(1)).min(1)])) as Record<Locale, z.ZodArray<z.ZodString>>),
});

export type TIntentDefinition = z.infer<typeof ZIntentDefinitionSchema>;

export interface IntentCatalogue {
  definitions: TIntentDefinition[];
  entitiesOf(intent: string): readonly string[] | undefined;
}

export function buildIntentCatalogue(raw: unknown[]): IntentCatalogue {
  const definitions = raw.map((item) => ZIntentDefinitionSchema.parse(item));
  const byName = new Map(definitions.map((definition) => [definition.intent, definition]));
  if (byName.size !== definitions.length) throw new Error("Two intent files declare the same intent");
  return { definitions, entitiesOf: (intent) => byName.get(intent)?.entities };
}

export function intentsDirectory(): URL {
  return new URL("./intents/", import.meta.url);
}

export function loadIntentCatalogue(directory: URL = intentsDirectory()): IntentCatalogue {
  const files = readdirSync(directory).filter((name) => name.endsWith(".json")).sort();
  return buildIntentCatalogue(files.map((name) => JSON.parse(readFileSync(new URL(name, directory), "utf8")) as unknown));
}
