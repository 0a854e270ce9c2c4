// Journey 6: a person whose Teams speaks English asks in French where a request stands, and
// the bot answers in French: the language of the question wins over the client's locale.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_ORGANISATION } from "../../src/import/demo/seed-demo";
import { openBrowser, type OpenBrowser } from "./support/browser";
import { type DemoRecords, openDemoRecords } from "./support/demo-records";
import { keepFailureScreenshots, PlaygroundChat } from "./support/playground-chat";

describe("a status question in French", () => {
  let browser: OpenBrowser;
  let chat: PlaygroundChat;
  let records: DemoRecords;

  beforeAll(async () => {
    browser = await openBrowser();
    chat = await PlaygroundChat.open(browser.context, inject("e2e").playgroundUrl, inject("e2e").screenshotDir);
    records = openDemoRecords();
  });
  keepFailureScreenshots(() => chat);
  afterAll(async () => {
    await chat?.close();
    await browser?.close();
    await records?.close();
  });

  it("answers « où en est ENG-1042 ? » with the engagement's card in French", async () => {
    const reply = await chat.say("où en est ENG-1042 ?");
    const text = await chat.waitForText(reply, "ENG-1042");
    await chat.screenshot("6-french-answer", [chat.lastSent(), reply]);

    expect(text).toContain("Managed backup for 40 file servers");
    expect(text).toContain("En attente");
    expect(text).toMatch(/Demandé par\s+Nadia Benali/);
    // The demo's dates are ages counted back from the seeding: read the day it stored.
    const { requestedAt } = await records.engagement("ENG-1042");
    const day = new Intl.DateTimeFormat("fr", { day: "numeric", month: "short", year: "numeric", timeZone: DEMO_ORGANISATION.timeZone });
    expect(text.replace(/\s+/g, " ")).toContain(`Demandé le ${day.format(requestedAt)}`);
    await expect(reply.getByRole("button", { name: "Approuver", exact: true }).isVisible()).resolves.toBe(true);
    await expect(reply.getByRole("button", { name: "Rejeter", exact: true }).isVisible()).resolves.toBe(true);
    expect(text).not.toMatch(/\b(Pending|Requested by|Approve)\b/);
  });
});
