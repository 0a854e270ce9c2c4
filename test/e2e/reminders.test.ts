// Journey: the demo's reminders. With the Playground chat open (the app installed in a personal
// chat), `npm run remind:now` sends the signed-in user a digest of the requests waiting past
// the approval SLA, each with its fix one click away, and snooze/mute for the kind.
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./support/browser";
import { PlaygroundChat } from "./support/playground-chat";
import { runToEnd } from "./support/processes";

const root = resolve(import.meta.dirname, "..", "..");

describe("the reminder digest in the Playground", () => {
  let browser: OpenBrowser;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    browser = await openBrowser();
    chat = await PlaygroundChat.open(browser.context, inject("e2e").playgroundUrl, inject("e2e").screenshotDir);
  });
  afterAll(async () => {
    await chat?.close();
    await browser?.close();
  });

  it("arrives after `npm run remind:now`, listing the overdue requests with Review, Snooze and Mute", async () => {
    const output = await runToEnd(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "remind-now.ts")], {
      ...process.env,
      DATABASE_URL: inject("e2e").databaseUrl,
      MicrosoftAppId: "",
      LOG_LEVEL: "warn",
    });
    expect(output).toMatch(/delivered [1-9]\d* message/);
    const digest = chat.card("Reminders for you");
    const text = await chat.waitForText(digest, "Engagements waiting for approval");
    await chat.screenshot("6-reminder-digest", [digest]);

    expect(text).toContain("ENG-1042 · Fabrikam Logistics: waiting for approval since");
    await expect(digest.getByRole("button", { name: "Review" }).first().isVisible()).resolves.toBe(true);
    await expect(digest.getByRole("button", { name: "Snooze 1 day" }).isVisible()).resolves.toBe(true);
    await expect(digest.getByRole("button", { name: "Mute this kind" }).isVisible()).resolves.toBe(true);
  });
});
