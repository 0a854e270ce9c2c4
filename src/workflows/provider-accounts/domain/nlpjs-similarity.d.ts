// The part of NLP.js's similarity package the matcher uses; the package ships no declarations.
declare module "@nlpjs/similarity" {
  /** Levenshtein edit distance between two strings. */
  export function leven(left: string, right: string): number;
}
