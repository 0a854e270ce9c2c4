// What every browser journey needs: a fresh Chromium context, a Playground chat of its own,
// read-only access to the demo database, screenshots on failure, and all of it closed after.
import { afterAll, beforeAll, inject } from "vitest";
import { openBrowser, type OpenBrowser } from "./browser";
import { type DemoRecords, openDemoRecords } from "./demo-records";
import { keepFailureScreenshots, PlaygroundChat } from "./playground-chat";

export interface Journey {
  chat: PlaygroundChat;
  records: DemoRecords;
}

/** Call inside a describe block; the fields are ready once its beforeAll has run. */
export function useJourney(): Journey {
  const journey = {} as Journey;
  let browser: OpenBrowser | undefined;
  beforeAll(async () => {
    browser = await openBrowser();
    journey.chat = await PlaygroundChat.open(browser.context, inject("e2e").playgroundUrl, inject("e2e").screenshotDir);
    journey.records = openDemoRecords();
  });
  keepFailureScreenshots(() => journey.chat);
  afterAll(async () => {
    await journey.chat?.close();
    await browser?.close();
    await journey.records?.close();
  });
  return journey;
}
