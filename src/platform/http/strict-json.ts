// JSON bodies read strictly. JSON.parse lets the last of two equal keys win, so a body can say
// one thing to a reader and another to the bot; and it yields strings no store can keep (a NUL,
// a lone UTF-16 surrogate), which fail later with a misleading "retry later". Both are refused
// at the door with a 400 naming the problem.
import { unsafeStringPaths } from "../domain/text";

/** The first key that appears twice in one object of a syntactically valid JSON text. */
export function duplicateKeyIn(text: string): string | undefined {
  const objects: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === "{") {
      objects.push(new Set());
      expectKey = true;
    } else if (char === "[") {
      objects.push(undefined);
      expectKey = false;
    } else if (char === "}" || char === "]") {
      objects.pop();
      expectKey = false;
    } else if (char === ",") {
      expectKey = objects.at(-1) !== undefined;
    } else if (char === '"') {
      const end = endOfString(text, i);
      if (expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const keys = objects.at(-1);
        if (keys?.has(key)) return key;
        keys?.add(key);
        expectKey = false;
      }
      i = end;
    }
  }
  return undefined;
}

function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === "\\") i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

/** Where in a parsed JSON value a key or string holds a NUL or a lone surrogate ("(body)" for the root). */
export function unsafeStringIn(value: unknown): string | undefined {
  const [path] = unsafeStringPaths(value, 1);
  return path === undefined ? undefined : path.join(".") || "(body)";
}
