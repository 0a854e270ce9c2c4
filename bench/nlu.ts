// Measures the local recognizer on the held-out set (test/nlu-eval): intent accuracy, entity
// precision/recall/F1 and language detection per language, recognition time after warm-up,
// and start-up (module load plus training). Prints figures; asserts nothing.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { LOCALES } from "../src/platform/i18n/locale";
import type { Recognition } from "../src/platform/conversation/recognizer";
import { entityFacts, loadEvalSet } from "../test/nlu-eval/eval-set";

const startLoad = performance.now();
const { intentCatalogue, localRecognizer } = await import("../src/app");
const loaded = performance.now();
const recognizer = await localRecognizer();
const trained = performance.now();

// Warm-up on training utterances, never on the evaluation set, so the timed pass sees new text.
const catalogue = intentCatalogue();
for (const definition of catalogue.definitions) {
  for (const locale of LOCALES) {
    for (const text of definition.utterances[locale]) {
      await recognizer.recognize(text, { locale, now: new Date(), timeZone: "UTC" });
    }
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
const allTimes: number[] = [];
const failures: string[] = [];
console.log("lang  utterances  intent-acc  entity-P  entity-R  entity-F1  lang-detect  p50(ms)  p99(ms)");
for (const locale of LOCALES) {
  const set = loadEvalSet(locale);
  const context = { locale: set.context.locale, now: new Date(set.context.now), timeZone: set.context.timeZone };
  let correct = 0;
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  let languageScored = 0;
  let languageCorrect = 0;
  const times: number[] = [];
  for (const item of set.utterances) {
    const started = performance.now();
    const result: Recognition = await recognizer.recognize(item.text, context);
    times.push(performance.now() - started);
    const got = entityFacts(result.entities);
    const want = entityFacts(item.entities);
    truePositives += [...got].filter((fact) => want.has(fact)).length;
    predicted += got.size;
    expected += want.size;
    if (result.intent === item.intent) correct += 1;
    if (item.language !== null) {
      languageScored += 1;
      if (result.language === locale) languageCorrect += 1;
      else failures.push(`${locale}  "${item.text}": language detected as ${result.language}`);
    }
    const entitiesOk = got.size === want.size && [...got].every((fact) => want.has(fact));
    if (result.intent !== item.intent || !entitiesOk) {
      failures.push(
        `${locale}  "${item.text}": want ${item.intent} ${[...want].join(",")}; got ${result.intent} (${result.confidence.toFixed(2)}) ${[...got].join(",")}`,
      );
    }
  }
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = expected === 0 ? 1 : truePositives / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  times.sort((a, b) => a - b);
  allTimes.push(...times);
  console.log(
    [
      locale.padEnd(4),
      String(set.utterances.length).padStart(10),
      pct(correct, set.utterances.length).padStart(10),
      precision.toFixed(3).padStart(8),
      recall.toFixed(3).padStart(8),
      f1.toFixed(3).padStart(9),
      pct(languageCorrect, languageScored).padStart(11),
      percentile(times, 50).toFixed(3).padStart(8),
      percentile(times, 99).toFixed(3).padStart(8),
    ].join("  "),
  );
}
allTimes.sort((a, b) => a - b);
console.log(
  `all   recognition p50 ${percentile(allTimes, 50).toFixed(3)} ms, p99 ${percentile(allTimes, 99).toFixed(3)} ms, max ${allTimes.at(-1)?.toFixed(3)} ms (${allTimes.length} utterances, each seen once after warm-up)`,
);

// Repeated rounds give a steadier p99 than 180 samples; the text repeats, so NLP.js's own
// per-text cache makes these a little faster than first sightings.
const ROUNDS = 10;
const repeated: number[] = [];
const cpuTimes: number[] = [];
const sets = LOCALES.map((locale) => loadEvalSet(locale));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const set of sets) {
    const context = { locale: set.context.locale, now: new Date(set.context.now), timeZone: set.context.timeZone };
    for (const item of set.utterances) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      await recognizer.recognize(item.text, context);
      const cpu = process.cpuUsage(cpuStarted);
      repeated.push(performance.now() - started);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
}
repeated.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
console.log(
  `all   ${ROUNDS} rounds: wall p50 ${percentile(repeated, 50).toFixed(3)} ms, p99 ${percentile(repeated, 99).toFixed(3)} ms (${repeated.length} recognitions)`,
);
// CPU time leaves out the moments the process waited for a core, which on a shared machine
// dominate wall-clock outliers.
console.log(`all   ${ROUNDS} rounds: cpu  p50 ${percentile(cpuTimes, 50).toFixed(3)} ms, p99 ${percentile(cpuTimes, 99).toFixed(3)} ms`);
console.log(`machine load average (1 min) while measuring: ${loadavg()[0]?.toFixed(2)}`);
console.log(`start-up: modules ${(loaded - startLoad).toFixed(0)} ms + training ${(trained - loaded).toFixed(0)} ms = ${(trained - startLoad).toFixed(0)} ms`);
if (failures.length > 0) {
  console.log(`\nmisses (${failures.length}):`);
  for (const failure of failures) console.log(`  ${failure}`);
}
