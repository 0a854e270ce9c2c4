// Typo tolerance. Most typing slips are one wrong, missing, extra or swapped letter, so the
// distance counts a transposition ("staus", "pendign") as one edit (optimal string alignment),
// which plain Levenshtein libraries count as two.

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousRow: number[] = [];
  let row: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousRow[j - 2]! + 1);
      }
      next.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previousRow = row;
    row = next;
  }
  return row[b.length]!;
}

/** How many edits a word of this length may carry and still count as meant: short words must be exact. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/** The closest known word within the allowed edits, or undefined. Ties go to the earlier word. */
export function closestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const max = allowedEdits(word.length);
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of vocabulary) {
    if (candidate.length < 4) continue;
    const distance = editDistance(word, candidate, Math.min(max, bestDistance - 1));
    if (distance === 0) return candidate;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
