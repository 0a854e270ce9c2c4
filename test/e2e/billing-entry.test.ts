// Journey 5: on an approved engagement, a person adds a billing entry from the card. A bad
// quantity is refused inside the form, next to the field, and nothing is saved; a good one
// goes through review and submit, and the card becomes the engagement's billing entries.
import type { Locator } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_ORGANISATION } from "../../src/platform/import/demo/seed-demo";
import { fixedClockNow } from "./support/e2e-clock";
import { useJourney } from "./support/journey";

/** Approved in the demo by the Playground user (src/import/demo/demo-engagements.ts). */
const ENGAGEMENT = "ENG-1029";

describe("adding a billing entry from the engagement card", () => {
  /** The bot's bubble the journey works in: each click replaces the card inside it. */
  let card: Locator;

  const journey = useJourney();

  it("refuses a quantity of 0 inside the form, keeps what was typed, and saves nothing", async () => {
    card = await journey.chat.say(`status ${ENGAGEMENT}`);
    await journey.chat.waitForText(card, "Add billing entry");
    await journey.chat.press(card, "Add billing entry");
    await journey.chat.waitForText(card, "Add a billing entry");

    await card.getByRole("spinbutton", { name: /Quantity/ }).fill("0");
    await card.getByRole("spinbutton", { name: /Unit cost/ }).fill("95.50");
    // On days 1-2 last month is open too, and closes at the end of the 2nd: the current month
    // (on the run's clock, in the organisation's zone) stays open whatever minute this runs in.
    await card.getByRole("radio", { name: currentMonthLabel(), exact: true }).check();
    await journey.chat.press(card, "Review");
    const refused = await journey.chat.waitForText(card, "The quantity must be more than 0.");
    await journey.chat.screenshot("5a-billing-bad-quantity", [card]);

    expect(refused).toContain("Please fix the fields marked below.");
    expect(refused).not.toContain("Check, then record");
    await expect(card.getByRole("spinbutton", { name: /Unit cost/ }).inputValue()).resolves.toMatch(/^95\.50?$/);
    await expect(journey.records.billingEntries(ENGAGEMENT)).resolves.toEqual([]);
  });

  it("takes a good quantity through review and record, and shows the new entry waiting for the vendor", async () => {
    await card.getByRole("spinbutton", { name: /Quantity/ }).fill("12.5");
    await journey.chat.press(card, "Review");
    const review = await journey.chat.waitForText(card, "Check, then record");
    expect(review).toMatch(/1,193\.75/);

    await journey.chat.press(card, "Record the entry");
    const submitted = await journey.chat.waitForText(card, `${ENGAGEMENT}-B1 is recorded, waiting for the vendor.`);
    await journey.chat.screenshot("5b-billing-submitted", [card]);

    expect(submitted).toContain("Billing entries");
    expect(submitted).toMatch(/12\.5 .*× .*95\.50/);
    expect(submitted).toContain("Recorded, waiting for the vendor");
    await expect(journey.records.billingEntries(ENGAGEMENT)).resolves.toEqual([
      { quantity: "12.5", unitCost: "95.5", amount: "1193.75", currency: "EUR", state: "submitted" },
    ]);
  });
});

/** "December 2026": the month the run's clock is in, as the form labels it. */
function currentMonthLabel(): string {
  const now = new Date(fixedClockNow(inject("e2e").clock));
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: DEMO_ORGANISATION.timeZone }).format(now);
}
