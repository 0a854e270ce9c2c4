// The development set for off-topic messages (off-topic.json, written for this purpose and
// separate from the held-out set in test/nlu-eval): travel, weather, food, small talk and other
// IT chores must be answered "none" with no "did you mean...?" choices, while on-topic messages
// (the shortest ones, and sentences typed the way staff type) still reach their intent. The
// off-topic rule is tuned on this file only.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { LocalRecognizer } from "../../../src/platform/conversation/local-recognizer";
import { clarificationChoices } from "../../../src/platform/conversation/ambiguity";
import { type Evidence, isOffTopic } from "../../../src/platform/conversation/domain-evidence";
import type { RecognitionContext } from "../../../src/platform/conversation/recognizer";
import { normaliseText } from "../../../src/platform/conversation/text";
import { LOCALES, type Locale } from "../../../src/platform/i18n/locale";
import { loadEvalSet } from "../../nlu-eval/eval-set";
import { trainedRecognizer } from "../../support/tables";

const ZDevelopmentSetSchema = z.object({
  offTopic: z.object({ en: z.array(z.string()).min(20), fr: z.array(z.string()).min(20), id: z.array(z.string()).min(20) }),
  greetings: z.array(z.string()),
  onTopic: z.array(z.object({ text: z.string(), intent: z.string() })),
});

const developmentSet = ZDevelopmentSetSchema.parse(JSON.parse(readFileSync(new URL("./off-topic.json", import.meta.url), "utf8")));
const at = (locale: Locale): RecognitionContext => ({ locale, now: new Date("2026-11-25T10:00:00Z"), timeZone: "Europe/Paris" });

let recognizer: LocalRecognizer;

beforeAll(async () => {
  recognizer = await trainedRecognizer();
});

describe("the development set", () => {
  it("shares no utterance with the held-out set, which must stay unseen by tuning", () => {
    const heldOut = new Set(LOCALES.flatMap((locale) => loadEvalSet(locale).utterances.map((item) => normaliseText(item.text))));
    const development = [
      ...LOCALES.flatMap((locale) => developmentSet.offTopic[locale]),
      ...developmentSet.greetings,
      ...developmentSet.onTopic.map((item) => item.text),
    ];
    expect(development.filter((text) => heldOut.has(normaliseText(text)))).toEqual([]);
  });
});

describe.each(LOCALES)("off-topic messages written in %s", (language) => {
  it.each(developmentSet.offTopic[language])("answers none to %j whatever the Teams locale, offering no intent to pick", async (text) => {
    for (const hint of LOCALES) {
      const result = await recognizer.recognize(text, at(hint));
      expect(result.intent, `Teams locale ${hint}`).toBe("none");
      expect(clarificationChoices(result), `Teams locale ${hint}`).toEqual([]);
    }
  });
});

describe("on-topic messages", () => {
  it.each(developmentSet.onTopic)("still understands $text as $intent whatever the Teams locale", async ({ text, intent }) => {
    for (const hint of LOCALES) {
      expect((await recognizer.recognize(text, at(hint))).intent, `Teams locale ${hint}`).toBe(intent);
    }
  });
});

describe("greetings made only of function words", () => {
  it.each(developmentSet.greetings)("answers %j with help or none, never with a workflow", async (text) => {
    for (const hint of LOCALES) {
      expect(["help", "none"], `Teams locale ${hint}`).toContain((await recognizer.recognize(text, at(hint))).intent);
    }
  });
});

describe("the evidence rule", () => {
  const weigh = (domainWords: number, hints: number, foreignWords: number): Evidence => ({ domainWords, hints, foreignWords });

  it("leaves a message with no content word to the classifier", () => {
    expect(isOffTopic(weigh(0, 0, 0))).toBe(false);
  });

  it("calls a message off-topic when its foreign words outnumber its hints, a number or a date", () => {
    expect(isOffTopic(weigh(0, 0, 1))).toBe(true);
    expect(isOffTopic(weigh(0, 1, 1))).toBe(false);
    expect(isOffTopic(weigh(0, 1, 2))).toBe(true);
  });

  it("counts a domain word as two hints, so only three foreign words outweigh it", () => {
    expect(isOffTopic(weigh(1, 0, 2))).toBe(false);
    expect(isOffTopic(weigh(1, 0, 3))).toBe(true);
  });
});
