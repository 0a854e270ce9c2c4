// The intents the bot understands, as data: <folder>/intents/<intent>.json holds the entities the
// intent uses and its training utterances in every language. The platform's own intents live in
// ./intents/; each workflow keeps its own in its folder, and src/app.ts passes the folders in.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { z } from "zod";
import { LOCALES, type Locale } from "../i18n/locale";

/** Entities every question may carry; reference entities ("ticketReference") come from the workflows' patterns. */
export const ENTITY_NAMES = ["partialReference", "month", "range", "scope"] as const;
const ZEntityNameSchema = z.union([z.enum(ENTITY_NAMES), z.string().regex(/^[a-z][A-Za-z]*Reference$/)]);

/** The catalogue's name for utterances the bot should not act on (off-topic questions). */
export const NONE_INTENT = "none";

const ZIntentDefinitionSchema = z.object({
  intent: z.string().regex(/^[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)*$/),
  entities: z.array(ZEntityNameSchema),
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

/** The platform's own intents (help, reminders, deadlines, none). */
export const PLATFORM_INTENTS = new URL("./intents/", import.meta.url);

/** Every intent file of the given folders, each an `intents/` folder of JSON files. */
export function loadIntentCatalogue(folders: readonly URL[]): IntentCatalogue {
  // Sorted by file name across folders: the classifier trains the same whatever the folders' order.
  const files = folders
    .filter((folder) => existsSync(folder))
    .flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => name.endsWith(".json"))
        .map((name) => ({ name, url: new URL(name, folder) })),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return buildIntentCatalogue(files.map(({ url }) => JSON.parse(readFileSync(url, "utf8")) as unknown));
}
