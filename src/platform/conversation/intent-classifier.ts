// Intent classification with NLP.js: one small neural classifier per language over stemmed
// words (its French and Indonesian stemmers fold "approuvé"/"approuver", "disetujui"/"setuju").
// Training takes tens of milliseconds, so the bot trains at start-up from the catalogue and
// ships no model file that could drift from the data.
import { containerBootstrap } from "@nlpjs/core";
import { NluNeural } from "@nlpjs/nlu";
import { LangEn } from "@nlpjs/lang-en-min";
import { LangFr } from "@nlpjs/lang-fr";
import { LangId } from "@nlpjs/lang-id";
import type { Locale } from "../i18n/locale";
import { NONE_INTENT } from "./intent-catalogue";

/** NLP.js's own name for "none of the intents". */
const LIBRARY_NONE = "None";

export interface IntentScore {
  intent: string;
  score: number;
}

export interface TrainingExample {
  /** Words as the extractor hands them to the classifier (placeholders in place of values). */
  tokens: string[];
  intent: string;
}

export class IntentClassifier {
  private constructor(private readonly nlu: NluNeural) {}

  static async train(locale: Locale, examples: TrainingExample[]): Promise<IntentClassifier> {
    const container = containerBootstrap();
    container.use({ en: LangEn, fr: LangFr, id: LangId }[locale]);
    const nlu = new NluNeural({ locale, container, log: false, useNoneFeature: true });
    await nlu.train(
      examples.map((example) => ({
        utterance: example.tokens.join(" "),
        intent: example.intent === NONE_INTENT ? LIBRARY_NONE : example.intent,
      })),
    );
    return new IntentClassifier(nlu);
  }

  /** Every intent's score, best first, summing to 1; "none" for the library's None. */
  async classify(tokens: readonly string[]): Promise<IntentScore[]> {
    if (tokens.length === 0) return [{ intent: NONE_INTENT, score: 1 }];
    const { classifications } = await this.nlu.process(tokens.join(" "));
    return classifications.map(({ intent, score }) => ({ intent: intent === LIBRARY_NONE ? NONE_INTENT : intent, score }));
  }
}
