// Every command the manifest offers, in each of its languages, is a question the bot
// understands as the intent it stands for: a command Teams suggests must never get "I did not
// understand".
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Recognizer } from "../../../src/platform/conversation/recognizer";
import { trainedRecognizer } from "../../support/tables";

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../../manifest/${file}`, import.meta.url), "utf8"));
const manifest = read("manifest.json");
const english: string[] = manifest.bots[0].commandLists[0].commands.map((command: { title: string }) => command.title);

const INTENT_OF_COMMAND = [
  "approvals.pending",
  "engagement.status",
  "usageReport.waiting",
  "voucher.validate",
  "providerAccount.unmapped",
  "siteAccess.pending",
  "renewal.due",
  "reminders",
  "team.show",
  "help",
];

const commands = [
  ...english.map((title, index) => ({ language: "en", title, index })),
  ...["fr", "id"].flatMap((language) =>
    english.map((_, index) => ({ language, title: read(`${language}.json`)[`bots[0].commandLists[0].commands[${index}].title`] as string, index })),
  ),
];

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await trainedRecognizer();
});

describe("the manifest's commands", () => {
  it("are one per intent listed here, in this order", () => {
    expect(english).toHaveLength(INTENT_OF_COMMAND.length);
  });

  it.each(commands)("understands the $language command $title", async ({ title, index }) => {
    const recognition = await recognizer.recognize(title, { locale: "en", now: new Date("2026-11-20T09:00:00Z"), timeZone: "UTC" });
    expect(recognition.intent).toBe(INTENT_OF_COMMAND[index]);
  });
});
