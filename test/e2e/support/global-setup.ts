// Starts the stack once for the whole end-to-end run and stops it afterwards, also when a
// journey fails or the run is interrupted (vitest calls the teardown; processes.ts kills what
// is left on exit).
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import type { E2eClock } from "./e2e-clock";
import { startE2eStack } from "./stack";

const OUTPUT_DIR = resolve(import.meta.dirname, "..", "..", "..", "test-results", "e2e");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Screenshots of an earlier run would pass for this one's.
  rmSync(join(OUTPUT_DIR, "screenshots"), { recursive: true, force: true });
  const stack = await startE2eStack(OUTPUT_DIR);
  project.provide("e2e", {
    tempDir: stack.tempDir,
    playgroundUrl: stack.playgroundUrl,
    botUrl: stack.botUrl,
    databaseUrl: stack.databaseUrl,
    clock: stack.clock,
    screenshotDir: join(OUTPUT_DIR, "screenshots"),
  });
  return () => stack.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: { tempDir: string; playgroundUrl: string; botUrl: string; databaseUrl: string; clock: E2eClock; screenshotDir: string };
  }
}
