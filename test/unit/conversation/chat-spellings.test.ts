// Partner staff chat in abbreviations ("gmn", "yg", "blm", "bln"; "pls", "tmrw"; "qd", "dmd"):
// each language's lexicon spells them out before anything reads the message, and they tell
// the language apart. Two Indonesian questions were once answered in English.
import { beforeAll, describe, expect, it } from "vitest";
import { loadLexicons, spellOut } from "../../../src/platform/conversation/lexicon";
import type { LocalRecognizer } from "../../../src/platform/conversation/local-recognizer";
import type { RecognitionContext } from "../../../src/platform/conversation/recognizer";
import { tokenise } from "../../../src/platform/conversation/text";
import { LOCALES, type Locale } from "../../../src/platform/i18n/locale";
import { extract } from "./support";
import { trainedRecognizer } from "../../support/tables";

let recognizer: LocalRecognizer;
const NOW = new Date("2026-12-01T09:00:00Z");
const at = (locale: Locale): RecognitionContext => ({ locale, now: NOW, timeZone: "Asia/Jakarta" });

beforeAll(async () => {
  recognizer = await trainedRecognizer();
});

describe("chat spellings", () => {
  const lexicons = loadLexicons();

  it("are spelled out from each language's own table", () => {
    expect(spellOut(tokenise("submission mana aja yg blm di-rate vendor"), lexicons.id.abbreviations)).toEqual(
      tokenise("submission mana saja yang belum di rate vendor"),
    );
    expect(spellOut(tokenise("anything due tmrw pls"), lexicons.en.abbreviations)).toEqual(tokenise("anything due tomorrow please"));
    expect(spellOut(tokenise("qd ferme la facturation"), lexicons.fr.abbreviations)).toEqual(tokenise("quand ferme la facturation"));
  });

  it("are only the language's own: Indonesian 'sy' is not spelled out in English", () => {
    expect(spellOut(["sy"], lexicons.en.abbreviations)).toEqual(["sy"]);
  });

  it("name a month written short: 'bln nov', 'bulan november' and 'nov' mean November", () => {
    for (const text of ["bln nov", "bulan november", "nov", "tgl tutup tagihan bln nov"]) {
      expect(extract(text, "id", NOW, "Asia/Jakarta").entities.month, text).toEqual({ year: 2026, month: 11 });
    }
    expect(extract("batas tagihan bln ini", "id", NOW, "Asia/Jakarta").entities).toMatchObject({ month: { year: 2026, month: 12 } });
  });
});

describe("Indonesian written in chat abbreviations", () => {
  it.each([
    ["gmn status eng 1042", "engagement.status", { engagementReference: "ENG-1042" }],
    ["submission mana aja yg blm di-rate vendor", "billing.awaitingRating", {}],
    ["eng 2207 udh di approve blm", "engagement.status", { engagementReference: "ENG-2207" }],
    ["tagihan bln nov kpn tutup", "billing.window", { month: { year: 2026, month: 11 } }],
    ["batas waktu tagihan bulan november kapan ya", "billing.window", { month: { year: 2026, month: 11 } }],
  ] as const)("reads %j as Indonesian, whatever the Teams locale", async (text, intent, entities) => {
    for (const hint of LOCALES) {
      const result = await recognizer.recognize(text, at(hint));
      expect(result, `Teams locale ${hint}`).toMatchObject({ intent, entities, language: "id" });
    }
  });
});

describe('"batas waktu tagihan bulan november kapan ya"', () => {
  it("asks for the billing window of the most recent November, never another month", async () => {
    const text = "batas waktu tagihan bulan november kapan ya";
    const asked = async (now: string) => (await recognizer.recognize(text, { locale: "en", now: new Date(now), timeZone: "Asia/Jakarta" })).entities.month;
    expect(await asked("2026-11-20T03:00:00Z")).toEqual({ year: 2026, month: 11 });
    expect(await asked("2026-12-02T03:00:00Z")).toEqual({ year: 2026, month: 11 });
    expect(await asked("2026-10-20T03:00:00Z")).toEqual({ year: 2025, month: 11 });
  });
});
