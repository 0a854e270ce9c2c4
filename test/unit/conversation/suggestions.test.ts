import { beforeAll, describe, expect, it } from "vitest";
import { clarificationChoices } from "../../../src/conversation/ambiguity";
import { LocalRecognizer } from "../../../src/conversation/local-recognizer";
import type { Recognition } from "../../../src/conversation/recognizer";
import { EXAMPLE_INTENTS, exampleQuestion, suggestionFor } from "../../../src/bot/intents/suggestions";
import { LOCALES } from "../../../src/i18n/locale";
import { translator } from "../../../src/i18n/translator";

let recognizer: LocalRecognizer;
const now = new Date("2026-11-25T10:00:00Z");

beforeAll(async () => {
  recognizer = await LocalRecognizer.create();
});

async function understood(text: string, locale: (typeof LOCALES)[number]): Promise<Recognition> {
  return recognizer.recognize(text, { locale: "en", now, timeZone: "UTC" }).then((result) => {
    expect(clarificationChoices(result), `"${text}" (${locale}) should not need a question back`).toEqual([]);
    return result;
  });
}

describe("the questions the bot suggests are understood when clicked", () => {
  it.each(LOCALES)("help's examples in %s", async (locale) => {
    const t = translator(locale);
    for (const intent of [...EXAMPLE_INTENTS, "help"]) {
      const result = await understood(exampleQuestion(t, intent), locale);
      expect(result.intent, exampleQuestion(t, intent)).toBe(intent);
      // "status ENG-1042" reads the same in English and Indonesian: the Teams locale decides it.
      if (intent !== "engagement.status") expect(result.language).toBe(locale);
    }
  });

  it.each(LOCALES)("the welcome card's commands in %s", async (locale) => {
    const t = translator(locale);
    expect((await understood(t.t("common.welcome.example.pending"), locale)).intent).toBe("approvals.pending");
    expect((await understood(t.t("common.welcome.example.status"), locale)).intent).toBe("engagement.status");
    expect((await understood(t.t("common.welcome.example.help"), locale)).intent).toBe("help");
  });

  it.each(LOCALES)("choices that carry what the user said, in %s", async (locale) => {
    const t = translator(locale);
    const status = await understood(suggestionFor(t, "engagement.status", { partialReference: "104" }), locale);
    expect(status).toMatchObject({ intent: "engagement.status", entities: { partialReference: "104" } });
    const window = await understood(suggestionFor(t, "billing.window", { month: { year: 2025, month: 10 } }), locale);
    expect(window).toMatchObject({ intent: "billing.window", entities: { month: { year: 2025, month: 10 } } });
    const all = await understood(t.t("conversation.suggest.allPending"), locale);
    expect(all).toMatchObject({ intent: "approvals.pending", entities: { scope: "all" } });
  });
});

describe("asking back", () => {
  const base: Recognition = { intent: "deadlines", confidence: 0.55, entities: {} };

  it("asks back when the runner-up is close to the winner", () => {
    expect(clarificationChoices({ ...base, alternatives: [{ intent: "reminders", confidence: 0.4 }] })).toEqual(["deadlines", "reminders"]);
  });

  it("answers directly when the runner-up is far behind", () => {
    expect(clarificationChoices({ ...base, confidence: 0.9, alternatives: [{ intent: "reminders", confidence: 0.1 }] })).toEqual([]);
  });

  it("offers the candidates of an unsure recognition", () => {
    expect(clarificationChoices({ intent: "none", confidence: 0, entities: {}, alternatives: [{ intent: "help", confidence: 0.3 }] })).toEqual(["help"]);
  });
});
