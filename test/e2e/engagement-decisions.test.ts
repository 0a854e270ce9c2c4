// Journeys 2-4: an approver types "pending", opens a request from the list, approves it and
// sees the card replaced with the decision; tries to reject another without a reason and is
// told so inside the card, with nothing saved.
import { describe, expect, it } from "vitest";
import { useJourney } from "./support/journey";

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
  const journey = useJourney();

  it("answers `pending` with the list of the demo's pending requests, oldest first, decided ones left out", async () => {
    const reply = await journey.chat.say("pending");
    const text = await journey.chat.waitForText(reply, "pending engagement requests");
    await journey.chat.screenshot("2-pending-list", [journey.chat.lastSent(), reply]);

    const shown = PENDING.map((line) => text.indexOf(line));
    expect(
      shown.every((at) => at >= 0),
      `the list shows every pending request:\n${text}`,
    ).toBe(true);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(text).not.toContain("ENG-1029");
    expect(text).not.toContain("ENG-1035");
  });

  it("opens a request from the list and approves it: the card becomes the decision", async () => {
    const list = journey.chat.card("pending engagement requests");
    await list.getByText(PENDING[4] as string).click();
    const card = journey.chat.card("Managed OpenShift cluster, 3 worker nodes");
    await journey.chat.waitForText(card, "Approve");
    expect(await card.innerText()).toContain("Pending");

    await journey.chat.press(card, "Approve");
    const decided = await journey.chat.waitForText(card, "You approved this request");
    await journey.chat.screenshot("3-approved", [card]);

    expect(decided).toMatch(/\bApproved\b/);
    expect(decided).toMatch(/Decided by\s+Alex Wilber/);
    await expect(card.getByRole("button", { name: "Approve", exact: true }).count()).resolves.toBe(0);
    await expect(card.getByRole("button", { name: "Reject", exact: true }).count()).resolves.toBe(0);
    await expect(journey.records.engagement("ENG-1046")).resolves.toMatchObject({ state: "approved" });
  });

  it("refuses to reject without a reason, inside the card, and saves nothing", async () => {
    const before = await journey.records.engagement("ENG-1045");
    const reply = await journey.chat.say("status ENG-1045");
    const card = journey.chat.card("Object storage for the archive project");
    await journey.chat.waitForText(card, "Reject");
    expect(await reply.innerText()).toContain("ENG-1045");

    await journey.chat.press(card, "Reject");
    const refused = await journey.chat.waitForText(card, "Please give a reason for the rejection");
    await journey.chat.screenshot("4-reject-needs-reason", [card]);

    expect(refused).toContain("Pending");
    expect(refused).not.toContain("You rejected this request");
    await expect(card.getByRole("button", { name: "Reject", exact: true }).isVisible()).resolves.toBe(true);
    await expect(journey.records.engagement("ENG-1045")).resolves.toEqual(before);
  });
});
