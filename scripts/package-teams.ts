// Builds the Teams app package (dist/partner-ops-teams.zip): manifest/manifest.json with the
// bot's Microsoft App ID filled in, its localization files and its two icons, checked against
// the official Teams schemas shipped offline by @microsoft/app-manifest before anything is zipped.
// Run: MicrosoftAppId=<guid> npm run package:teams   (or: npm run package:teams -- --app-id <guid>)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Ajv04 from "ajv-draft-04";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import JSZip from "jszip";
import { z } from "zod";

/** The manifest schema we target: the newest generally available one that @microsoft/app-manifest ships. */
export const MANIFEST_SCHEMA_VERSION = "1.30";
export const APP_ID_PLACEHOLDER = "${{MICROSOFT_APP_ID}}";
export const DEFAULT_MANIFEST_DIR = fileURLToPath(new URL("../manifest/", import.meta.url));
export const DEFAULT_OUTPUT = fileURLToPath(new URL("../dist/partner-ops-teams.zip", import.meta.url));

/** Teams draws the icons at these sizes and rejects other ones at upload. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

const ZAppIdSchema = z.guid();

type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const HOW_TO_GIVE_AN_APP_ID =
  "Set MicrosoftAppId (the setting the bot itself reads) to the bot's Microsoft App ID (the GUID of its Azure Bot registration) or pass --app-id <guid>.";

/** The app id comes from --app-id, else from MicrosoftAppId; either way it must be a GUID. */
export function resolveAppId(flag: string | undefined, env: NodeJS.ProcessEnv): Checked<string> {
  const [source, raw] = flag !== undefined ? ["--app-id", flag] : ["MicrosoftAppId", env.MicrosoftAppId];
  if (raw === undefined || raw.trim() === "") {
    return { ok: false, problems: [`Cannot package the Teams app without an app id. ${HOW_TO_GIVE_AN_APP_ID}`] };
  }
  const parsed = ZAppIdSchema.safeParse(raw.trim());
  if (!parsed.success) {
    return { ok: false, problems: [`${source} "${raw}" is not a GUID. ${HOW_TO_GIVE_AN_APP_ID}`] };
  }
  return { ok: true, value: parsed.data };
}

const schemaFile = (name: string) =>
  createRequire(import.meta.url).resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_SCHEMA_VERSION}/${name}`);

let compiled: { manifest: ValidateFunction; localization: ValidateFunction } | undefined;

/**
 * The official schemas are draft-04, hence ajv-draft-04 rather than Ajv's default draft-07 class.
 * Their patterns are written for non-Unicode regular expressions (the localization schema has a
 * lone "]" that the "u" flag rejects), so Ajv must not add that flag.
 */
function schemaValidators() {
  if (compiled) return compiled;
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const load = (name: string) => JSON.parse(readFileSync(schemaFile(name), "utf8")) as object;
  compiled = {
    manifest: ajv.compile(load("MicrosoftTeams.schema.json")),
    localization: ajv.compile(load("MicrosoftTeams.Localization.schema.json")),
  };
  return compiled;
}

function describeSchemaError(file: string, error: ErrorObject): string {
  const where = error.instancePath === "" ? "(root)" : error.instancePath;
  const detail =
    error.keyword === "additionalProperties"
      ? `: "${String(error.params.additionalProperty)}" is not allowed`
      : error.keyword === "enum"
        ? `: ${JSON.stringify(error.params.allowedValues)}`
        : "";
  return `${file} ${where} ${error.message ?? "is invalid"}${detail}`;
}

function schemaProblems(file: string, validate: ValidateFunction, document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((error) => describeSchemaError(file, error));
}

function parseJson(file: string, text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problems: [`${file} is not valid JSON: ${(error as Error).message}`] };
  }
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
  if (bytes.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const ZManifestFilesSchema = z.object({
  icons: z.object({ color: z.string(), outline: z.string() }),
  localizationInfo: z
    .object({
      defaultLanguageFile: z.string().optional(),
      additionalLanguages: z.array(z.object({ file: z.string() })).optional(),
    })
    .optional(),
});

export interface TeamsPackageFiles {
  /** File name inside the zip -> its bytes. */
  files: Map<string, Buffer>;
}

/** Fills in the app id, validates manifest, localization files and icons, and gathers the package's files. */
export function prepareTeamsPackage(appId: string, manifestDir = DEFAULT_MANIFEST_DIR): Checked<TeamsPackageFiles> {
  const validators = schemaValidators();
  const text = readFileSync(join(manifestDir, "manifest.json"), "utf8").replaceAll(APP_ID_PLACEHOLDER, appId);
  const leftover = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/.exec(text);
  if (leftover) return { ok: false, problems: [`manifest.json still holds the placeholder ${leftover[0]}`] };
  const manifest = parseJson("manifest.json", text);
  if (!manifest.ok) return manifest;
  const problems = schemaProblems("manifest.json", validators.manifest, manifest.value);
  if (problems.length > 0) return { ok: false, problems };

  const referenced = ZManifestFilesSchema.parse(manifest.value);
  const files = new Map<string, Buffer>([["manifest.json", Buffer.from(text, "utf8")]]);
  const readReferenced = (name: string): Buffer | undefined => {
    try {
      return readFileSync(join(manifestDir, name));
    } catch {
      problems.push(`manifest.json names ${name}, which is not in manifest/`);
      return undefined;
    }
  };

  for (const kind of ["color", "outline"] as const) {
    const name = referenced.icons[kind];
    const bytes = readReferenced(name);
    if (!bytes) continue;
    const size = pngSize(bytes);
    const expected = ICON_SIZES[kind];
    if (!size) problems.push(`${name} (${kind} icon) is not a PNG`);
    else if (size.width !== expected || size.height !== expected) {
      problems.push(`${name} (${kind} icon) is ${size.width}x${size.height}; Teams needs ${expected}x${expected}`);
    }
    files.set(name, bytes);
  }

  const localization = referenced.localizationInfo;
  const languageFiles = [
    ...(localization?.defaultLanguageFile ? [localization.defaultLanguageFile] : []),
    ...(localization?.additionalLanguages ?? []).map((language) => language.file),
  ];
  for (const name of languageFiles) {
    const bytes = readReferenced(name);
    if (!bytes) continue;
    const strings = parseJson(name, bytes.toString("utf8"));
    if (strings.ok) problems.push(...schemaProblems(name, validators.localization, strings.value));
    else problems.push(...strings.problems);
    files.set(name, bytes);
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { files } };
}

/** A fixed timestamp on every entry, so the same inputs always give the same zip bytes. */
const ENTRY_DATE = new Date(Date.UTC(2026, 0, 1));

export async function zipTeamsPackage(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    zip.file(name, bytes, { date: ENTRY_DATE });
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { "app-id": { type: "string" }, out: { type: "string" } },
    allowPositionals: false,
  });
  const appId = resolveAppId(values["app-id"], process.env);
  if (!appId.ok) {
    console.error(appId.problems.join("\n"));
    return 1;
  }
  const prepared = prepareTeamsPackage(appId.value);
  if (!prepared.ok) {
    console.error(`The Teams app package was not written; fix these first:\n- ${prepared.problems.join("\n- ")}`);
    return 1;
  }
  const output = values.out ? resolve(values.out) : DEFAULT_OUTPUT;
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, await zipTeamsPackage(prepared.value.files));
  const names = [...prepared.value.files.keys()].sort().join(", ");
  console.log(`Wrote ${output} (manifest v${MANIFEST_SCHEMA_VERSION}, app id ${appId.value}): ${names}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
