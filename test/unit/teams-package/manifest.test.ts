// The committed Teams manifest, once the app id is filled in, passes the official schema and
// offers the bot's commands in every scope, in English, French and Indonesian.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { APP_ID_PLACEHOLDER, DEFAULT_MANIFEST_DIR, MANIFEST_SCHEMA_VERSION, prepareTeamsPackage } from "../../../scripts/package-teams";

const SAMPLE_APP_ID = "6f1a9a3e-2b7c-4d3e-9f10-1a2b3c4d5e6f";
const readJson = (name: string) => JSON.parse(readFileSync(join(DEFAULT_MANIFEST_DIR, name), "utf8"));

const manifest = readJson("manifest.json");
const scratchDirs: string[] = [];

/** A copy of manifest/ whose manifest.json has been changed by `edit`. */
function manifestCopy(edit: (manifest: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "teams-manifest-"));
  scratchDirs.push(dir);
  cpSync(DEFAULT_MANIFEST_DIR, dir, { recursive: true });
  const copy = structuredClone(manifest);
  edit(copy);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(copy));
  return dir;
}

afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the committed Teams manifest", () => {
  it("passes the official v1.30 schema once the app id is filled in", () => {
    const prepared = prepareTeamsPackage(SAMPLE_APP_ID);
    expect(prepared.ok ? [] : prepared.problems).toEqual([]);
  });

  it("declares the schema version it is validated against", () => {
    expect(manifest.manifestVersion).toBe(MANIFEST_SCHEMA_VERSION);
    expect(manifest.$schema).toContain(`/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`);
  });

  it("takes both the app id and the bot id from configuration, never a committed GUID", () => {
    expect(manifest.id).toBe(APP_ID_PLACEHOLDER);
    expect(manifest.bots[0].botId).toBe(APP_ID_PLACEHOLDER);
    const prepared = prepareTeamsPackage(SAMPLE_APP_ID);
    if (!prepared.ok) throw new Error(prepared.problems.join("\n"));
    const packaged = JSON.parse(prepared.value.files.get("manifest.json")!.toString("utf8"));
    expect([packaged.id, packaged.bots[0].botId]).toEqual([SAMPLE_APP_ID, SAMPLE_APP_ID]);
  });

  it("is one conversational bot in personal chat, teams and group chats, without files", () => {
    expect(manifest.bots).toHaveLength(1);
    const [bot] = manifest.bots;
    expect(bot.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it("offers a command per workflow, reminders, my role and help in each scope, ten at most", () => {
    const lists = manifest.bots[0].commandLists as Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
    expect(lists.map((list) => list.scopes)).toEqual([["personal"], ["team"], ["groupChat"]]);
    for (const list of lists) {
      expect(list.commands.map((command) => command.title)).toEqual([
        "pending",
        "status ENG-1042",
        "usage reports waiting",
        "validate VCH-7781",
        "unmapped provider accounts",
        "access requests waiting for me",
        "renewals due in 90 days",
        "reminders",
        "what is my role?",
        "help",
      ]);
    }
  });

  it("translates the name, descriptions and every command into French and Indonesian", () => {
    const languages = manifest.localizationInfo.additionalLanguages as Array<{ languageTag: string; file: string }>;
    expect(manifest.localizationInfo.defaultLanguageTag).toBe("en");
    expect(languages.map((language) => language.languageTag)).toEqual(["fr", "id"]);
    const lists = manifest.bots[0].commandLists as Array<{ commands: unknown[] }>;
    const commandKeys = lists.flatMap((list, l) =>
      list.commands.flatMap((_, c) => [`bots[0].commandLists[${l}].commands[${c}].title`, `bots[0].commandLists[${l}].commands[${c}].description`]),
    );
    for (const { file } of languages) {
      const strings = readJson(file);
      const keys = Object.keys(strings).filter((key) => key !== "$schema");
      expect(keys.sort()).toEqual(["name.short", "name.full", "description.short", "description.full", ...commandKeys].sort());
      expect(strings["description.full"]).not.toBe(manifest.description.full);
    }
  });
});

describe("what the manifest promises", () => {
  // Each workflow adds its line when it lands: the store listing sells what the bot does.
  const descriptions = [
    { language: "en", text: `${manifest.description.short} ${manifest.description.full}` },
    ...["fr.json", "id.json"].map((file) => ({
      language: file.slice(0, 2),
      text: `${readJson(file)["description.short"]} ${readJson(file)["description.full"]}`,
    })),
  ];

  it.each(descriptions)("names every shipped workflow, in $language", ({ language, text }) => {
    const words: Record<string, RegExp[]> = {
      en: [/usage report/i, /planning voucher/i, /provider account/i, /site access/i, /renewals/i],
      fr: [/rapport d'utilisation/i, /vouchers de planification/i, /compte fournisseur/i, /accès aux sites/i, /renouvellements/i],
      id: [/laporan pemakaian/i, /voucher perencanaan/i, /akun penyedia/i, /akses situs/i, /perpanjangan/i],
    };
    for (const word of words[language] ?? []) expect(text).toMatch(word);
    expect(text).toMatch(/ENG-1042/);
  });

  it("names engagement approvals, billing windows, reminders and the three languages", () => {
    const full = manifest.description.full as string;
    for (const phrase of ["approve or reject", "billing window", "reminders", "English, French or Indonesian"]) expect(full).toContain(phrase);
  });
});

describe("packaging refuses a manifest Teams would reject", () => {
  it("names the field that breaks the schema", () => {
    const dir = manifestCopy((copy) => {
      copy.name.short = "Partner Operations for IT resellers";
    });
    const prepared = prepareTeamsPackage(SAMPLE_APP_ID, dir);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.problems).toContain("manifest.json /name/short must NOT have more than 30 characters");
  });

  it("refuses a property the schema does not know", () => {
    const dir = manifestCopy((copy) => {
      copy.bots[0].supportsEmail = true;
    });
    const prepared = prepareTeamsPackage(SAMPLE_APP_ID, dir);
    expect(prepared.ok ? [] : prepared.problems).toContain('manifest.json /bots/0 must NOT have additional properties: "supportsEmail" is not allowed');
  });

  it("refuses a localization file that breaks the localization schema", () => {
    const dir = manifestCopy(() => undefined);
    const french = JSON.parse(readFileSync(join(dir, "fr.json"), "utf8"));
    french["name.short"] = "";
    writeFileSync(join(dir, "fr.json"), JSON.stringify(french));
    const prepared = prepareTeamsPackage(SAMPLE_APP_ID, dir);
    expect(prepared.ok ? [] : prepared.problems.join("\n")).toMatch(/^fr\.json \/name\.short/m);
  });

  it("refuses an icon the manifest names but manifest/ lacks", () => {
    const dir = manifestCopy((copy) => {
      copy.icons.color = "colour.png";
    });
    const prepared = prepareTeamsPackage(SAMPLE_APP_ID, dir);
    expect(prepared.ok ? [] : prepared.problems).toContain("manifest.json names colour.png, which is not in manifest/");
  });

  it("refuses an icon of the wrong size", () => {
    const dir = manifestCopy((copy) => {
      copy.icons.color = "outline.png";
    });
    const prepared = prepareTeamsPackage(SAMPLE_APP_ID, dir);
    expect(prepared.ok ? [] : prepared.problems).toContain("outline.png (color icon) is 32x32; Teams needs 192x192");
  });
});
