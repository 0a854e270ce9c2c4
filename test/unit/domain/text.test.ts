// The free-text normaliser every reason, comment and note goes through.
import { describe, expect, it } from "vitest";
import { normaliseFreeText, unsafeCharacterIn } from "../../../src/platform/domain/text";

describe("free text people type", () => {
  it("is empty when made only of zero-width characters and byte-order marks", () => {
    expect(normaliseFreeText("\u200b\u200c\ufeff")).toBe("");
    expect(normaliseFreeText(" \u200b \u2060\u00ad ")).toBe("");
  });

  it("loses control characters but keeps line breaks and tabs", () => {
    expect(normaliseFreeText("late\u0007 invoice\r\nsecond line\tend\u001b")).toBe("late invoice\nsecond line\tend");
  });

  it("is composed (NFC), so a decomposed é counts as one character", () => {
    expect(normaliseFreeText("Re\u0301sume\u0301")).toBe("Résumé");
    expect(normaliseFreeText("e\u0301").length).toBe(1);
  });

  it("loses invisible characters inside words but keeps the joiners of an emoji sequence or a Persian word", () => {
    expect(normaliseFreeText("ab\u200bc")).toBe("abc");
    expect(normaliseFreeText("👨\u200d👩\u200d👧")).toBe("👨\u200d👩\u200d👧");
    expect(normaliseFreeText("می\u200cخواهم")).toBe("می\u200cخواهم");
  });

  it("names NUL and lone surrogates as unsafe, and well-formed text as safe", () => {
    expect(unsafeCharacterIn("a\u0000b")).toBe(true);
    expect(unsafeCharacterIn("id-\ud800")).toBe(true);
    expect(unsafeCharacterIn("\udc00x")).toBe(true);
    expect(unsafeCharacterIn("ok 😀 é")).toBe(false);
  });
});
