// Journey 1: a person opens the bot for the first time. The Playground installs the app and
// starts the personal chat (installationUpdate + conversationUpdate, as Teams does); the bot
// greets once, by name, with the person's role and a way in.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./support/browser";
import { keepFailureScreenshots, PlaygroundChat } from "./support/playground-chat";

describe("the install greeting", () => {
  let browser: OpenBrowser;
  let chat: PlaygroundChat;
  const welcomeCards = () => chat.page.locator(".ac-adaptiveCard", { hasText: "I'm Partner Ops" });

  beforeAll(async () => {
    browser = await openBrowser();
    // Returns once the bot has answered both install events and its greetings have rendered.
    chat = await PlaygroundChat.open(browser.context, inject("e2e").playgroundUrl, inject("e2e").screenshotDir);
    await chat.screenshot("1-install-greeting", [welcomeCards().first()]);
  });
  keepFailureScreenshots(() => chat);
  afterAll(async () => {
    await chat?.close();
    await browser?.close();
  });

  it("shows the welcome card with examples, the person's role and the pending requests button", async () => {
    const welcome = welcomeCards().first();
    const text = await chat.waitForText(welcome, "Pending requests");

    expect(text).toContain("I bring your vendor-portal work into Teams");
    // The engagement workflow's examples first, every other workflow's after, then help.
    expect(text).toMatch(/pending\s+status ENG-1042\s+[\s\S]*\bhelp\s+Your role/);
    expect(text).toContain("Your role: admin");
    await expect(welcome.getByRole("button", { name: "Pending requests", exact: true }).isVisible()).resolves.toBe(true);
  });

  it("greets the person by the name the demo knows them by, not by their Entra object id", async () => {
    await expect(welcomeCards().first().innerText()).resolves.toContain("Hi Alex Wilber, I'm Partner Ops");
  });

  it("greets once, although Teams announces the install with two events", async () => {
    await expect(welcomeCards().count()).resolves.toBe(1);
  });
});
