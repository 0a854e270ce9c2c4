// The held-out evaluation set: utterances written the way partner staff type, labelled with
// intent and entities. Never read by the recognizer's training; a unit test keeps it that way.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { z } from "zod";
import { LOCALES, type Locale } from "../../src/platform/i18n/locale";
import type { Entities } from "../../src/platform/conversation/recognizer";

const ZEvalEntitiesSchema = z
  .object({
    engagementReference: z.string().regex(/^ENG-\d+$/),
    partialReference: z.string().regex(/^\d+$/),
    /** "YYYY-MM" */
    month: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/),
    range: z.enum(["today", "week", "month"]),
    scope: z.enum(["mine", "all"]),
  })
  .partial()
  // Other workflows' references ("voucherReference": "VCH-7781"); any other name is a typo.
  .catchall(z.string().regex(/^[A-Z]+-\d+$/))
  .superRefine((entities, context) => {
    for (const name of Object.keys(entities)) {
      if (!KNOWN_ENTITIES.has(name) && !name.endsWith("Reference")) context.addIssue({ code: "custom", message: `unknown entity "${name}"`, path: [name] });
    }
  });

const KNOWN_ENTITIES = new Set(["engagementReference", "partialReference", "month", "range", "scope"]);

const ZEvalFileSchema = z.object({
  language: z.enum(LOCALES),
  context: z.object({ locale: z.enum(LOCALES), now: z.iso.datetime(), timeZone: z.string() }),
  utterances: z.array(
    z.object({
      text: z.string().min(1),
      intent: z.string(),
      entities: ZEvalEntitiesSchema,
      /** null: the text says nothing about its language ("ENG-1042"), so detection is not scored. */
      language: z.null().optional(),
    }),
  ),
});

export type TEvalFile = z.infer<typeof ZEvalFileSchema>;

/**
 * The platform's and the engagement workflow's set (./<locale>.json) and each other workflow's
 * own (test/workflows/<name>/nlu-eval/<locale>.json), as one set per language.
 */
export function loadEvalSet(locale: Locale): TEvalFile {
  const main = parseEvalFile(new URL(`./${locale}.json`, import.meta.url));
  const workflows = new URL("../workflows/", import.meta.url);
  const more = readdirSync(workflows, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => new URL(`${entry.name}/nlu-eval/${locale}.json`, workflows))
    .filter((file) => existsSync(file))
    .map(parseEvalFile);
  return { ...main, utterances: [...main.utterances, ...more.flatMap((file) => file.utterances)] };
}

function parseEvalFile(file: URL): TEvalFile {
  return ZEvalFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/** Entities as comparable "name:value" facts, e.g. "month:2025-10". */
export function entityFacts(entities: Entities | z.infer<typeof ZEvalEntitiesSchema>): Set<string> {
  const facts = new Set<string>();
  for (const [name, value] of Object.entries(entities)) {
    if (value === undefined) continue;
    const text = typeof value === "object" ? `${value.year}-${String(value.month).padStart(2, "0")}` : String(value);
    facts.add(`${name}:${text}`);
  }
  return facts;
}
