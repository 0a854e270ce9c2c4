// Text as the recognizer compares it. Partner staff type fast: mixed case, missing accents,
// "l'équipe", "ABC-1042?", so every comparison happens on lower-case, accent-free words.

/** Lower case, accents stripped, apostrophes and punctuation turned into spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/#/g, " # ")
    .replace(/[^a-z0-9#]+/g, " ")
    .trim();
}

/** The words of a normalised text; "#" stays a word of its own because "#1042" means a reference. */
export function tokenise(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === "" ? [] : normalised.split(" ");
}

export function isNumber(token: string): boolean {
  return /^\d+$/.test(token);
}
