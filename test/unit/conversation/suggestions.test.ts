import { beforeAll, describe, expect, it } from "vitest";
import { clarificationChoices } from "../../../src/platform/conversation/ambiguity";
import type { LocalRecognizer } from "../../../src/platform/conversation/local-recognizer";
import type { Recognition } from "../../../src/platform/conversation/recognizer";
import { askBack } from "../../../src/platform/bot/intents/help";
import { exampleQuestion, suggestionFor } from "../../../src/platform/bot/intents/suggestions";
import type { TurnScope } from "../../../src/platform/bot/turn-scope";
import { LOCALES } from "../../../src/platform/i18n/locale";
import { type Translator, translator } from "../../../src/platform/i18n/translator";
import { TABLES, trainedRecognizer } from "../../support/tables";

let recognizer: LocalRecognizer;
const now = new Date("2026-11-25T10:00:00Z");

beforeAll(async () => {
  recognizer = await trainedRecognizer();
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
    for (const intent of [...TABLES.helpIntents, "help"]) {
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
    const status = await understood(suggestionFor(TABLES, t, "engagement.status", { partialReference: "104" }), locale);
    expect(status).toMatchObject({ intent: "engagement.status", entities: { partialReference: "104" } });
    const window = await understood(suggestionFor(TABLES, t, "billing.window", { month: { year: 2025, month: 10 } }), locale);
    expect(window).toMatchObject({ intent: "billing.window", entities: { month: { year: 2025, month: 10 } } });
    const all = await understood(t.t("conversation.suggest.allPending"), locale);
    expect(all).toMatchObject({ intent: "approvals.pending", entities: { scope: "all" } });
  });
});

describe("asking back", () => {
  const base: Recognition = { intent: "deadlines", confidence: 0.55, entities: {} };
  const intents = (recognition: Recognition) => clarificationChoices(recognition).map((choice) => choice.intent);

  it("asks back when the runner-up is close to the winner", () => {
    expect(intents({ ...base, alternatives: [{ intent: "reminders", confidence: 0.4 }] })).toEqual(["deadlines", "reminders"]);
  });

  it("answers directly when the runner-up is far behind", () => {
    expect(clarificationChoices({ ...base, confidence: 0.9, alternatives: [{ intent: "reminders", confidence: 0.1 }] })).toEqual([]);
  });

  it("offers the candidates of an unsure recognition", () => {
    expect(intents({ intent: "none", confidence: 0, entities: {}, alternatives: [{ intent: "help", confidence: 0.3 }] })).toEqual(["help"]);
  });
});

describe("the choices of a question back", () => {
  const scopeIn = (t: Translator) => ({ t, services: { tables: TABLES } }) as unknown as TurnScope;

  it("name each intent once, even when a recognizer names one twice", () => {
    const twice: Recognition = {
      intent: "billing.window",
      confidence: 0.5,
      entities: {},
      alternatives: [
        { intent: "billing.window", confidence: 0.45 },
        { intent: "deadlines", confidence: 0.4 },
        { intent: "billing.window", confidence: 0.35 },
      ],
    };
    expect(clarificationChoices(twice).map((choice) => choice.intent)).toEqual(["billing.window", "deadlines"]);
    expect(clarificationChoices({ ...twice, alternatives: [{ intent: "billing.window", confidence: 0.45 }] })).toEqual([]);
  });

  it("offer each question once when two intents suggest the same words", () => {
    const english = translator("en");
    // A catalog may word two examples alike; the reader must not see one choice twice.
    const alike: Translator = { ...english, t: (key, values) => (key.startsWith("conversation.example.") ? "what's due?" : english.t(key, values)) };
    const reply = askBack(scopeIn(alike), {
      intent: "none",
      confidence: 0,
      entities: {},
      alternatives: [
        { intent: "deadlines", confidence: 0.3 },
        { intent: "reminders", confidence: 0.25 },
        { intent: "billing.awaitingRating", confidence: 0.2 },
      ],
    });
    expect(reply && "suggestions" in reply ? reply.suggestions : []).toEqual(["what's due?"]);
  });

  it("keep the month the message named for the intent that uses it, though the winner does not", async () => {
    // Asked "batas waktu tagihan bulan november kapan ya", the bot once hesitated between
    // deadlines and the billing window, and offered October's window: the month was dropped.
    const reply = askBack(scopeIn(translator("id")), {
      intent: "deadlines",
      confidence: 0.55,
      entities: {},
      alternatives: [{ intent: "billing.window", confidence: 0.45, entities: { month: { year: 2026, month: 11 } } }],
    });
    expect(reply && "suggestions" in reply ? reply.suggestions : []).toEqual(["apa yang jatuh tempo minggu ini?", "jendela penagihan November 2026"]);
  });

  it("are recognised with the entities each runner-up would use", async () => {
    const result = await recognizer.recognize("eng 104 billing nov", { locale: "en", now, timeZone: "UTC" });
    expect(result).toMatchObject({ intent: "engagement.status", entities: { partialReference: "104" } });
    expect(result.alternatives).toContainEqual(expect.objectContaining({ intent: "billing.window", entities: { month: { year: 2026, month: 11 } } }));
  });
});
