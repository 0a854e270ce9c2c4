// The bot's own recognizer: local, offline and deterministic. It detects the language, pulls
// out entities, corrects typos against the words it was trained on, turns away messages whose
// words point away from the domain (domain-evidence.ts), and asks the language's classifier
// for the intent. It trains from the intent catalogue when created (well under a
// second), so adding an intent is a data file and a handler.
import { LOCALES, type Locale } from "../i18n/locale";
import type { Recognition, RecognitionContext, Recognizer } from "./recognizer";
import { type IntentCatalogue, NONE_INTENT } from "./intent-catalogue";
import type { ReferencePattern } from "./references";
import { type Lexicon, loadLexicons, spellOut } from "./lexicon";
import { type Extraction, MONTH_PLACEHOLDER, REFERENCE_PLACEHOLDER, entitiesForIntent, extractEntities } from "./entity-extraction";
import { type IntentScore, IntentClassifier } from "./intent-classifier";
import { byReferenceFit } from "./reference-fit";
import { LanguageDetector } from "./language-detection";
import { closestWord } from "./edit-distance";
import { isNumber, tokenise } from "./text";
import { DomainVocabulary, isOffTopic } from "./domain-evidence";
import { stopWords } from "./stop-words";

/** A best intent scoring less than this is not acted on: the bot answers "none" with help. */
export const NONE_THRESHOLD = 0.5;
/** Runner-up intents scoring at least this are offered as "did you mean...?" choices. */
export const ALTERNATIVE_FLOOR = 0.1;
const MAX_ALTERNATIVES = 3;
/** Questions are short; a pasted e-mail is read up to here so one message cannot stall the bot. */
export const MAX_WORDS = 64;

interface LanguageModel {
  lexicons: Lexicon[];
  /** The language's chat spellings ("yg" -> "yang"). */
  abbreviations: ReadonlyMap<string, readonly string[]>;
  knownWords: Set<string>;
  vocabulary: string[];
  classifier: IntentClassifier;
}

interface Reading {
  extraction: Extraction;
  /** The extracted words with typos corrected against the language's training vocabulary. */
  corrected: string[];
}

interface Understanding {
  extraction: Extraction;
  scores: IntentScore[];
}

function isConfident(scores: IntentScore[]): boolean {
  const [top] = scores;
  return top !== undefined && top.intent !== NONE_INTENT && top.score >= NONE_THRESHOLD;
}

/** Words as much at home in small talk as in the domain: grammar, politeness, time, scope, units. */
function neutralWords(lexicons: Lexicon[]): Set<string> {
  return new Set(lexicons.flatMap((lexicon) => [...stopWords(lexicon.locale), ...lexicon.everydayWords, ...lexicon.words, ...lexicon.quantityUnits]));
}

export class LocalRecognizer implements Recognizer {
  private constructor(
    private readonly catalogue: IntentCatalogue,
    private readonly allLexicons: Lexicon[],
    private readonly models: Record<Locale, LanguageModel>,
    private readonly detector: LanguageDetector,
    private readonly domain: DomainVocabulary,
    private readonly references: readonly ReferencePattern[],
  ) {}

  /** Trains on the workflows' intents and reads their references (src/app.ts passes both in). */
  static async create({ catalogue, references }: { catalogue: IntentCatalogue; references: readonly ReferencePattern[] }): Promise<LocalRecognizer> {
    const lexicons = loadLexicons();
    const allLexicons = LOCALES.map((locale) => lexicons[locale]);
    const models = {} as Record<Locale, LanguageModel>;
    const detectorVocabularies = {} as Record<Locale, Set<string>>;
    const onTopicTokens: string[] = [];
    for (const locale of LOCALES) {
      const utterances = catalogue.definitions.flatMap((definition) =>
        definition.utterances[locale].map((text) => ({ tokens: spellOut(tokenise(text), lexicons[locale].abbreviations), intent: definition.intent })),
      );
      const knownWords = new Set([...lexicons[locale].words, ...utterances.flatMap((utterance) => utterance.tokens)]);
      const languageLexicons = locale === "en" ? [lexicons.en] : [lexicons[locale], lexicons.en];
      // Training goes through the same extractor as questions, so placeholders line up; the date
      // only resolves months, which training ignores.
      const context = { lexicons: languageLexicons, allLexicons, knownWords, references, now: new Date(0), timeZone: "UTC" };
      const examples = utterances.map(({ tokens, intent }) => ({ tokens: extractEntities(tokens, context).tokens, intent }));
      const vocabulary = [...new Set(examples.flatMap((example) => example.tokens))].filter((word) => !isNumber(word));
      onTopicTokens.push(...examples.filter((example) => example.intent !== NONE_INTENT).flatMap((example) => example.tokens));
      models[locale] = {
        lexicons: languageLexicons,
        abbreviations: lexicons[locale].abbreviations,
        knownWords,
        vocabulary,
        classifier: await IntentClassifier.train(locale, examples),
      };
      detectorVocabularies[locale] = knownWords;
    }
    const domain = DomainVocabulary.build(onTopicTokens, neutralWords(allLexicons));
    return new LocalRecognizer(catalogue, allLexicons, models, new LanguageDetector(detectorVocabularies), domain, references);
  }

  async recognize(text: string, context: RecognitionContext): Promise<Recognition> {
    const tokens = tokenise(text).slice(0, MAX_WORDS);
    const guess = this.detector.detect(tokens, context.locale);
    const reading = this.read(tokens, guess.language, context);
    // The classifier names its nearest intent even for "book me a flight", so a message whose
    // words point away from the domain never reaches it, nor gets "did you mean...?" choices.
    if (isOffTopic(this.domain.weigh(reading.extraction))) {
      return { intent: NONE_INTENT, confidence: 1, entities: reading.extraction.entities, language: guess.language };
    }
    let understanding = await this.understand(reading, guess.language);
    if (!isConfident(understanding.scores)) {
      // Mixed-language messages ("statut de TCK-1042 pls") may read better in another language.
      const others = LOCALES.filter((locale) => locale !== guess.language && guess.scores[locale] > 0).sort((a, b) => guess.scores[b] - guess.scores[a]);
      for (const locale of others) {
        const attempt = await this.understand(this.read(tokens, locale, context), locale);
        if (isConfident(attempt.scores)) {
          understanding = attempt;
          break;
        }
      }
    }
    return this.toRecognition(understanding, guess.language);
  }

  private read(tokens: string[], locale: Locale, context: RecognitionContext): Reading {
    const model = this.models[locale];
    // Chat spellings are the language's own ("yg", "blm" in Indonesian): spelled out only when reading in it.
    const extraction = extractEntities(spellOut(tokens, model.abbreviations), {
      lexicons: model.lexicons,
      allLexicons: this.allLexicons,
      knownWords: model.knownWords,
      references: this.references,
      now: context.now,
      timeZone: context.timeZone,
    });
    const corrected = extraction.tokens.map((word) => {
      if (word === REFERENCE_PLACEHOLDER || word === MONTH_PLACEHOLDER || isNumber(word) || model.knownWords.has(word)) return word;
      return closestWord(word, model.vocabulary) ?? word;
    });
    return { extraction, corrected };
  }

  private async understand({ extraction, corrected }: Reading, locale: Locale): Promise<Understanding> {
    const scores = await this.models[locale].classifier.classify(corrected);
    return { extraction, scores: byReferenceFit(scores, extraction.entities, (intent) => this.catalogue.entitiesOf(intent)) };
  }

  private toRecognition({ extraction, scores }: Understanding, language: Locale): Recognition {
    const intent = isConfident(scores) ? scores[0]!.intent : NONE_INTENT;
    const confidence = scores.find((score) => score.intent === intent)?.score ?? 0;
    const entitiesOf = (name: string) => entitiesForIntent(extraction.entities, this.catalogue.entitiesOf(name));
    // Each runner-up keeps what the message said that it would use: asked back about
    // "November", the month must not be lost because the winner has no use for it.
    const alternatives = scores
      .filter((score) => score.intent !== intent && score.intent !== NONE_INTENT && score.score >= ALTERNATIVE_FLOOR)
      .slice(0, MAX_ALTERNATIVES)
      .map((score) => ({ intent: score.intent, confidence: score.score, entities: entitiesOf(score.intent) }));
    const entities = intent === NONE_INTENT ? extraction.entities : entitiesOf(intent);
    return { intent, confidence, entities, language, ...(alternatives.length > 0 ? { alternatives } : {}) };
  }
}
