// Journey: the demo's reminders. With the Playground chat open (the app installed in a personal
// chat), `npm run remind:now` sends the signed-in user a digest of the requests waiting past
// the approval SLA, each with its fix one click away, and snooze/mute for the kind.
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./support/browser";
import { PlaygroundChat } from "./support/playground-chat";
import { fixedClockNow } from "./support/e2e-clock";
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
      FIXED_CLOCK: fixedClockNow(inject("e2e").clock),
      MicrosoftAppId: "",
      LOG_LEVEL: "warn",
    });
    expect(output).toMatch(/delivered [1-9]\d* message/);
    const digest = chat.card("Reminders for you");
    await chat.waitForText(digest, "Engagements waiting for approval");
    await chat.screenshot("6-reminder-digest", [digest]);

    // Other sections come and go with the day of the month (billing windows close on the 2nd):
    // everything below is looked for in the approvals section only.
    const approvals = chat.section(digest, "Engagements waiting for approval");
    const text = await approvals.innerText();
    // The demo's requests pending past the 48 h SLA, by their ages on the run's clock.
    for (const overdue of ["ENG-1042 · Fabrikam Logistics", "ENG-1043 · Tailspin Toys", "ENG-1044 · Woodgrove Bank", "ENG-1045 · Lucerne Publishing"]) {
      expect(text).toContain(`${overdue}: waiting for approval since`);
    }
    expect(text).not.toMatch(/ENG-1046|ENG-1047/);
    await expect(approvals.getByRole("button", { name: "Review", exact: true }).count()).resolves.toBe(4);
    await expect(approvals.getByRole("button", { name: "Snooze 1 day", exact: true }).isVisible()).resolves.toBe(true);
    await expect(approvals.getByRole("button", { name: "Mute this kind", exact: true }).isVisible()).resolves.toBe(true);
  });
});
