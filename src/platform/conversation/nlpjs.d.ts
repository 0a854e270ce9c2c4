// The small part of NLP.js the recognizer uses; the packages ship no type declarations.
declare module "@nlpjs/core" {
  export interface Container {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Container;
}

declare module "@nlpjs/nlu" {
  import type { Container } from "@nlpjs/core";
  export interface NluClassification {
    intent: string;
    score: number;
  }
  export class NluNeural {
    constructor(settings: { locale: string; container: Container; log?: boolean; useNoneFeature?: boolean });
    train(corpus: { utterance: string; intent: string }[]): Promise<unknown>;
    process(text: string): Promise<{ classifications: NluClassification[] }>;
  }
}

declare module "@nlpjs/lang-en-min" {
  export const LangEn: unknown;
  export class StopwordsEn {
    dictionary: Record<string, boolean>;
  }
}

declare module "@nlpjs/lang-fr" {
  export const LangFr: unknown;
  export class StopwordsFr {
    dictionary: Record<string, boolean>;
  }
}

declare module "@nlpjs/lang-id" {
  export const LangId: unknown;
  export class StopwordsId {
    dictionary: Record<string, boolean>;
  }
}
