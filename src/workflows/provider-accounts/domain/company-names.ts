// Company names as people write them differ in accents, punctuation, legal forms and word order:
// "PT Bank Mandiri (Persero) Tbk", "Société Générale S.A.", "Müller Logistik GmbH & Co. KG".
// Normalised, they are the words that name the company, which similarity then compares.
import { leven } from "@nlpjs/similarity";

// Legal forms across the partner's markets, written as they read once dots are dropped
// ("S.A.S." -> "sas", "Pte. Ltd." -> "pte ltd"): English, French, German, Dutch, Nordic,
// Spanish, Italian, Indonesian, Malaysian, Japanese.
const LEGAL_FORMS = new Set([
  "ltd",
  "limited",
  "llc",
  "llp",
  "lp",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "plc",
  "pty",
  "pte",
  "gmbh",
  "ag",
  "kg",
  "kgaa",
  "ohg",
  "ug",
  "ev",
  "mbh",
  "sa",
  "sas",
  "sasu",
  "sarl",
  "eurl",
  "sca",
  "snc",
  "scop",
  "bv",
  "nv",
  "vof",
  "ab",
  "as",
  "asa",
  "oy",
  "oyj",
  "aps",
  "sl",
  "slu",
  "srl",
  "spa",
  "sae",
  "pt",
  "tbk",
  "persero",
  "cv",
  "ud",
  "bhd",
  "sdn",
  "kk",
  "kabushiki",
  "kaisha",
]);

// A word of four letters or more that begins another is taken for its abbreviation.
const ABBREVIATION_MIN = 4;
const ABBREVIATION_LIKENESS = 0.9;

// Letters Unicode does not decompose into a base letter and an accent.
const PLAIN_LETTERS: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", þ: "th", ı: "i" };

// Words that join names and carry nothing of them ("Smith & Sons" = "Smith and Sons").
const JOINING_WORDS = new Set(["and", "et", "und", "dan", "the", "of", "de", "du", "des", "la", "le", "les"]);

/** The words that name a company: no accents, no punctuation, no legal form, lower case. */
export function companyNameWords(name: string): string[] {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßøæœłđþı]/g, (letter) => PLAIN_LETTERS[letter] ?? letter)
    // "S.A." is "sa", "A/S" is "as", "Margie's" is "margies".
    .replace(/[.'’]|(?<=\ba)\/(?=s\b)/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !JOINING_WORDS.has(word));
  const named = words.filter((word) => !LEGAL_FORMS.has(word));
  // A company named only by a legal form ("AG") keeps it.
  return named.length > 0 ? named : words;
}

/**
 * How alike two company names are, from 0 to 1: the better of the whole names compared with
 * their words sorted, and how well the words of each name find a near-equal word in the other
 * (so "Contoso Pharmaceuticals" is close to "Pharmaceuticals Contoso", and "Fabrikm" to "Fabrikam").
 */
export function nameSimilarity(a: string, b: string): number {
  const wordsA = companyNameWords(a);
  const wordsB = companyNameWords(b);
  if (wordsA.length === 0 || wordsB.length === 0) return 0;
  const whole = ratio([...wordsA].sort().join(" "), [...wordsB].sort().join(" "));
  const words = (coverage(wordsA, wordsB) + coverage(wordsB, wordsA)) / 2;
  return Math.max(whole, words);
}

/** How well the words someone typed ("mandiri") are found in a name, from 0 to 1: a search's test. */
export function wordsFound(query: string, name: string): number {
  const typed = companyNameWords(query);
  const words = companyNameWords(name);
  return typed.length === 0 || words.length === 0 ? 0 : coverage(typed, words);
}

/** How much of `words` (weighted by length) has a near-equal word in `other`. */
function coverage(words: readonly string[], other: readonly string[]): number {
  let matched = 0;
  let total = 0;
  for (const word of words) {
    total += word.length;
    matched += word.length * Math.max(...other.map((candidate) => wordLikeness(word, candidate)));
  }
  return matched / total;
}

/** Words compared by spelling, an abbreviation ("Pharma", "Intl") close to the word it begins. */
function wordLikeness(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const abbreviation = short.length >= ABBREVIATION_MIN && long.startsWith(short) ? ABBREVIATION_LIKENESS : 0;
  return Math.max(ratio(a, b), abbreviation);
}

/** 1 for equal strings, 0 for strings with nothing in common: one minus the edit distance share. */
function ratio(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - leven(a, b) / longest;
}
