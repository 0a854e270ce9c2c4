// Every turn asks for a translator: it is built once per language and zone, and reads dates
// in its own zone.
import { describe, expect, it } from "vitest";
import { translator } from "../../../src/platform/i18n/translator";

describe("translators", () => {
  it("are built once per language and zone", () => {
    expect(translator("fr", "Europe/Paris")).toBe(translator("fr", "Europe/Paris"));
    expect(translator("fr", "Asia/Jakarta")).not.toBe(translator("fr", "Europe/Paris"));
    expect(translator("id", "Europe/Paris")).not.toBe(translator("fr", "Europe/Paris"));
  });

  it("show an instant in their own zone", () => {
    const at = new Date("2026-11-02T23:30:00Z");
    expect(translator("en", "UTC").formatDate(at)).toBe("Nov 2, 2026");
    expect(translator("en", "Asia/Jakarta").formatDate(at)).toBe("Nov 3, 2026");
  });
});
