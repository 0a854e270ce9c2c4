import { beforeAll, describe, expect, it } from "vitest";
import { LocalRecognizer, NONE_THRESHOLD } from "../../../src/platform/conversation/local-recognizer";
import { buildIntentCatalogue } from "../../../src/platform/conversation/intent-catalogue";
import type { RecognitionContext } from "../../../src/platform/conversation/recognizer";
import type { Locale } from "../../../src/platform/i18n/locale";
import { INTENT_CATALOGUE, TABLES, trainedRecognizer } from "../../support/tables";

let recognizer: LocalRecognizer;
const at = (locale: Locale): RecognitionContext => ({ locale, now: new Date("2026-11-25T10:00:00Z"), timeZone: "Europe/Paris" });

beforeAll(async () => {
  recognizer = await trainedRecognizer();
});

describe("intents", () => {
  it.each([
    ["what's the status of ENG-1042?", "engagement.status"],
    ["l'engagement 1042 est-il approuvé ?", "engagement.status"],
    ["apa saja yang menunggu persetujuan saya?", "approvals.pending"],
    ["anything due this week?", "deadlines"],
    ["when does the October billing window close?", "billing.window"],
    ["quelles soumissions l'éditeur n'a pas encore tarifées", "billing.awaitingRating"],
    ["pengingat apa saja yang saya bisukan", "reminders"],
    ["que sais-tu faire ?", "help"],
  ])("understands %j as %s", async (text, intent) => {
    const result = await recognizer.recognize(text, at("en"));
    expect(result.intent).toBe(intent);
    expect(result.confidence).toBeGreaterThanOrEqual(NONE_THRESHOLD);
  });

  it("reads a bare number as a question about that engagement", async () => {
    const result = await recognizer.recognize("1042", at("fr"));
    expect(result).toMatchObject({ intent: "engagement.status", entities: { engagementReference: "ENG-1042" } });
  });

  it("survives typos and shouting", async () => {
    expect((await recognizer.recognize("PENDNIG APROVALS", at("en"))).intent).toBe("approvals.pending");
    expect((await recognizer.recognize("fenetre de factuation novembre", at("en"))).intent).toBe("billing.window");
    expect((await recognizer.recognize("tengat mingu ini", at("en"))).intent).toBe("deadlines");
  });

  it.each(["asdkjh qwpoeiu zzxq", "lorem ipsum dolor", "!!!", ""])("answers none to gibberish %j", async (text) => {
    const result = await recognizer.recognize(text, at("en"));
    expect(result.intent).toBe("none");
  });

  it("keeps only the entities an intent uses: 'this month' is a month for billing, a range for deadlines", async () => {
    const billing = await recognizer.recognize("billing window this month", at("en"));
    expect(billing.entities).toEqual({ month: { year: 2026, month: 11 } });
    const deadlines = await recognizer.recognize("deadlines this month", at("en"));
    expect(deadlines.entities).toEqual({ range: "month" });
  });

  it("reads only the first words of a pasted wall of text, and still answers", async () => {
    const pasted = `${"lorem ipsum dolor sit amet ".repeat(400)} ENG-1042`;
    const result = await recognizer.recognize(pasted, at("en"));
    expect(result.intent).toBe("none");
    expect(result.entities.engagementReference).toBeUndefined();
  });

  it("is deterministic: the same text gives the same answer from two recognizers", async () => {
    const other = await trainedRecognizer();
    const text = "statut des échéances de facturation";
    expect(await other.recognize(text, at("fr"))).toEqual(await recognizer.recognize(text, at("fr")));
  });
});

describe("language", () => {
  it.each([
    ["what's waiting for my approval?", "en"],
    ["qu'est-ce qui attend ma validation ?", "fr"],
    ["ou en est l engagement 1042", "fr"],
    ["apa yang jatuh tempo minggu ini", "id"],
    ["tolong cek engagement 1042", "id"],
  ] as const)("detects that %j is written in %s whatever the Teams locale", async (text, language) => {
    for (const hint of ["en", "fr", "id"] as const) {
      expect((await recognizer.recognize(text, at(hint))).language).toBe(language);
    }
  });

  it.each(["1042", "ENG-1042", "ok", "#104"])("falls back to the Teams locale for %j, which says nothing about its language", async (text) => {
    for (const hint of ["en", "fr", "id"] as const) {
      expect((await recognizer.recognize(text, at(hint))).language).toBe(hint);
    }
  });
});

describe("the intent catalogue", () => {
  it("has training utterances for every intent in every language", () => {
    for (const definition of INTENT_CATALOGUE().definitions) {
      for (const locale of ["en", "fr", "id"] as const) {
        expect(definition.utterances[locale].length, `${definition.intent} in ${locale}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it("learns a new intent from data alone", async () => {
    const voucher = {
      intent: "vouchers.expiring",
      entities: [],
      utterances: {
        en: ["which vouchers expire soon", "vouchers about to expire", "expiring vouchers", "voucher expiry dates"],
        fr: ["quels vouchers expirent bientôt", "vouchers qui vont expirer", "vouchers expirant", "dates d'expiration des vouchers"],
        id: ["voucher mana yang segera kedaluwarsa", "voucher yang akan habis", "voucher kedaluwarsa", "tanggal kedaluwarsa voucher"],
      },
    };
    const catalogue = buildIntentCatalogue([...INTENT_CATALOGUE().definitions, voucher]);
    const extended = await LocalRecognizer.create({ catalogue, references: TABLES.references });
    expect((await extended.recognize("any vouchers expiring?", at("en"))).intent).toBe("vouchers.expiring");
  });
});
