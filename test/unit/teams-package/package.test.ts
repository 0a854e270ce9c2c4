// The zip Teams receives holds exactly the manifest, its translations and its two icons, and
// packaging refuses to run without a usable app id.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { prepareTeamsPackage, resolveAppId, zipTeamsPackage } from "../../../scripts/package-teams";

const SAMPLE_APP_ID = "6f1a9a3e-2b7c-4d3e-9f10-1a2b3c4d5e6f";

async function packagedZip(): Promise<JSZip> {
  const prepared = prepareTeamsPackage(SAMPLE_APP_ID);
  if (!prepared.ok) throw new Error(prepared.problems.join("\n"));
  return JSZip.loadAsync(await zipTeamsPackage(prepared.value.files));
}

describe("the Teams app package", () => {
  it("holds exactly manifest.json, the French and Indonesian strings and the two icons, at its root", async () => {
    const zip = await packagedZip();
    const names = Object.values(zip.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name)
      .sort();
    expect(names).toEqual(["color.png", "fr.json", "id.json", "manifest.json", "outline.png"]);
  });

  it("carries the manifest with the app id filled in", async () => {
    const manifest = JSON.parse(await (await packagedZip()).file("manifest.json")!.async("string"));
    expect(manifest.id).toBe(SAMPLE_APP_ID);
    expect(manifest.bots[0].botId).toBe(SAMPLE_APP_ID);
  });

  it("gives the same bytes for the same inputs", async () => {
    const prepared = prepareTeamsPackage(SAMPLE_APP_ID);
    if (!prepared.ok) throw new Error(prepared.problems.join("\n"));
    const first = await zipTeamsPackage(prepared.value.files);
    const second = await zipTeamsPackage(prepared.value.files);
    expect(first.equals(second)).toBe(true);
  });
});

describe("the app id packaging needs", () => {
  it("comes from MicrosoftAppId", () => {
    expect(resolveAppId(undefined, { MicrosoftAppId: SAMPLE_APP_ID })).toEqual({ ok: true, value: SAMPLE_APP_ID });
  });

  it("comes from --app-id first when both are given", () => {
    const other = "0b7e2f44-93c1-4a55-8d2e-7c9f0e1a2b3c";
    expect(resolveAppId(other, { MicrosoftAppId: SAMPLE_APP_ID })).toEqual({ ok: true, value: other });
  });

  it("is refused when missing, with a message that says how to give one", () => {
    const resolved = resolveAppId(undefined, {});
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.problems[0]).toMatch(/without an app id.*MicrosoftAppId.*--app-id/);
    expect(resolveAppId(undefined, { MicrosoftAppId: "  " }).ok).toBe(false);
  });

  it("is refused when it is not a GUID", () => {
    const resolved = resolveAppId(undefined, { MicrosoftAppId: "partner-ops-bot" });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.problems[0]).toContain('MicrosoftAppId "partner-ops-bot" is not a GUID');
  });

  it("makes `npm run package:teams` exit non-zero and write nothing when it is missing", async () => {
    const out = mkdtempSync(join(tmpdir(), "teams-package-"));
    const zipPath = join(out, "package.zip");
    const env = { ...process.env, MicrosoftAppId: "" };
    const run = promisify(execFile)("npx", ["tsx", "scripts/package-teams.ts", "--out", zipPath], { env });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("without an app id") });
    expect(existsSync(zipPath)).toBe(false);
    rmSync(out, { recursive: true, force: true });
  });
});
