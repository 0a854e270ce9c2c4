// Journeys 2-4: an approver types "pending", opens a request from the list, approves it and
// sees the card replaced with the decision; tries to reject another without a reason and is
// told so inside the card, with nothing saved.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./support/browser";
import { type DemoRecords, openDemoRecords } from "./support/demo-records";
import { keepFailureScreenshots, PlaygroundChat } from "./support/playground-chat";

/** The demo's pending requests (src/import/demo/demo-engagements.ts). */
const PENDING = [
  "ENG-1042 · Managed backup for 40 file servers",
  "ENG-1043 · Db2 on Cloud, standard plan",
  "ENG-1044 · Security monitoring, 250 endpoints",
  "ENG-1045 · Object storage for the archive project",
  "ENG-1046 · Managed OpenShift cluster, 3 worker nodes",
  "ENG-1047 · Disaster recovery for the ERP",
];

describe("deciding engagement requests in the chat", () => {
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

  it("answers `pending` with the list of the demo's pending requests, oldest first, decided ones left out", async () => {
    const reply = await chat.say("pending");
    const text = await chat.waitForText(reply, "pending engagement requests");
    await chat.screenshot("2-pending-list", [chat.lastSent(), reply]);

    const shown = PENDING.map((line) => text.indexOf(line));
    expect(shown.every((at) => at >= 0), `the list shows every pending request:\n${text}`).toBe(true);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(text).not.toContain("ENG-1029");
    expect(text).not.toContain("ENG-1035");
  });

  it("opens a request from the list and approves it: the card becomes the decision", async () => {
    const list = chat.card("pending engagement requests");
    await list.getByText(PENDING[4] as string).click();
    const card = chat.card("Managed OpenShift cluster, 3 worker nodes");
    await chat.waitForText(card, "Approve");
    expect(await card.innerText()).toContain("Pending");

    await chat.press(card, "Approve");
    const decided = await chat.waitForText(card, "You approved this request");
    await chat.screenshot("3-approved", [card]);

    expect(decided).toMatch(/\bApproved\b/);
    expect(decided).toMatch(/Decided by\s+Alex Wilber/);
    await expect(card.getByRole("button", { name: "Approve", exact: true }).count()).resolves.toBe(0);
    await expect(card.getByRole("button", { name: "Reject", exact: true }).count()).resolves.toBe(0);
    await expect(records.engagement("ENG-1046")).resolves.toMatchObject({ state: "approved" });
  });

  it("refuses to reject without a reason, inside the card, and saves nothing", async () => {
    const before = await records.engagement("ENG-1045");
    const reply = await chat.say("status ENG-1045");
    const card = chat.card("Object storage for the archive project");
    await chat.waitForText(card, "Reject");
    expect(await reply.innerText()).toContain("ENG-1045");

    await chat.press(card, "Reject");
    const refused = await chat.waitForText(card, "Please give a reason for the rejection");
    await chat.screenshot("4-reject-needs-reason", [card]);

    expect(refused).toContain("Pending");
    expect(refused).not.toContain("You rejected this request");
    await expect(card.getByRole("button", { name: "Reject", exact: true }).isVisible()).resolves.toBe(true);
    await expect(records.engagement("ENG-1045")).resolves.toEqual(before);
  });
});
