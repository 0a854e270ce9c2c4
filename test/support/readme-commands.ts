// The shell commands README.md shows, in the order a reader meets them: every line of its
// ```sh blocks (comments dropped, continued lines joined) and every inline `npm ...` or
// `curl ...`. Each is listed once, where it first appears.
import { readFileSync } from "node:fs";

const README = new URL("../../README.md", import.meta.url);

export function readmeCommands(markdown = readFileSync(README, "utf8")): string[] {
  const commands: string[] = [];
  const add = (command: string) => {
    const clean = command.replace(/\s+/g, " ").trim();
    if (clean !== "" && !commands.includes(clean)) commands.push(clean);
  };
  const parts = markdown.split(/^```(\w*)\n([\s\S]*?)^```\n/m);
  // split() with two capture groups: prose, language, code, prose, language, code, ...
  for (let i = 0; i < parts.length; i += 3) {
    for (const [, inline] of (parts[i] ?? "").matchAll(/`((?:[A-Za-z_]+=(?:<[^>]*>|\S+) )*(?:npm|curl) [^`]+)`/g)) add(inline ?? "");
    if (parts[i + 1] === "sh") for (const command of shellLines(parts[i + 2] ?? "")) add(command);
  }
  return commands;
}

/** Logical lines of a shell block: a trailing backslash or an open quote continues the line. */
function shellLines(block: string): string[] {
  const lines: string[] = [];
  let pending = "";
  for (const physical of block.split("\n")) {
    // A comment is a # after a space; the blocks quote no such text.
    const line = physical.replace(/\s+#\s.*$/, "");
    pending = pending === "" ? line : `${pending}\n${line}`;
    if (pending.endsWith("\\")) {
      pending = pending.slice(0, -1);
      continue;
    }
    if ((pending.match(/'/g) ?? []).length % 2 === 1) continue;
    lines.push(pending);
    pending = "";
  }
  return lines;
}
