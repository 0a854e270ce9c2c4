// Journey 1: a person opens the bot for the first time. The Playground installs the app and
// starts the personal chat (installationUpdate + conversationUpdate); the bot greets once,
// by name, with its role and a way in.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./support/browser";
import { PlaygroundChat } from "./support/playground-chat";

describe("the install greeting", () => {
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

  it("shows the welcome card, once, greeting the Playground user by name with their role and the pending button", async () => {
    const welcome = chat.card("I'm Partner Ops");
    const text = await chat.waitForText(welcome, "Pending requests");
    await chat.screenshot("1-install-greeting", [welcome]);

    expect(text).toContain("Hi Alex Wilber, I'm Partner Ops");
    expect(text).toContain("Your role: admin");
    expect(text).toMatch(/pending\s+status ENG-1042\s+help/);
    await expect(welcome.getByRole("button", { name: "Pending requests" }).isVisible()).resolves.toBe(true);
    // Teams sends both events on install (PlaygroundChat.open waits for the bot's answers to
    // both); two welcome cards would greet the person twice.
    await expect(chat.page.locator(".ac-adaptiveCard", { hasText: "I'm Partner Ops" }).count()).resolves.toBe(1);
  });
});
