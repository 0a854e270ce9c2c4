// What people type into voucher forms: trimmed, inner whitespace kept, with limits the vendor's
// portal and our cards can show whole.
export const NOTE_MAX = 500;
export const NAME_MAX = 200;

/** Trimmed text with runs of whitespace made single spaces; empty when nothing but spaces was typed. */
export function cleanText(input: string | undefined): string {
  return (input ?? "").replace(/\s+/g, " ").trim();
}

// Deliberately loose: one @, a dot in the domain, no spaces. The vendor checks deliverability.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(input: string): boolean {
  return input.length <= 254 && EMAIL_PATTERN.test(input);
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
