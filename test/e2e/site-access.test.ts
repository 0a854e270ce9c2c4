// Journey: the Playground user (the demo's admin) asks which access requests wait for them,
// opens the demo's pending request, ticks two privileges and approves it; the card becomes the
// decision and the requester is on the site's user list with exactly those privileges.
import { describe, expect, inject, it } from "vitest";
import { DEMO_ORGANISATION } from "../../src/platform/import/demo/seed-demo";
import { openDatabase } from "../../src/platform/store/db";
import { findOrganisationByTenant } from "../../src/platform/store/organisations";
import { findSiteByNumber, listSiteMembers } from "../../src/workflows/site-access/store/sites";
import { useJourney } from "./support/journey";

/** The demo's site and pending request (src/workflows/site-access/demo/demo.ts). */
const SITE = "1234567";
const REQUESTER = "Isaiah Langer";

async function siteUser(name: string) {
  const { db, close } = openDatabase(inject("e2e").databaseUrl, { poolSize: 1 });
  try {
    const organisation = await findOrganisationByTenant(db, DEMO_ORGANISATION.tenantId);
    const site = organisation && (await findSiteByNumber(db, organisation.id, SITE));
    return site ? (await listSiteMembers(db, site)).find((member) => member.name === name) : undefined;
  } finally {
    await close();
  }
}

describe("approving a site access request with privileges", () => {
  const journey = useJourney();

  it("opens the waiting request, ticks Reporting and Partner Guided Selling, and approves it", async () => {
    const card = await journey.chat.say("access requests waiting for me");
    await journey.chat.waitForText(card, `${REQUESTER} · site ${SITE}`);
    await journey.chat.press(card, "Review");
    await journey.chat.waitForText(card, "Approve with these privileges");
    expect(await card.innerText()).toContain("Megan Bowen");

    // The renderer names each box by the group's label and its own: its aria-label is the choice.
    await card.locator('input[type="checkbox"][aria-label="Reporting"]').check();
    await card.locator('input[type="checkbox"][aria-label="Partner Guided Selling"]').check();
    await journey.chat.screenshot("site-access-1-privileges", [card]);
    await journey.chat.press(card, "Approve with these privileges");
    const decided = await journey.chat.waitForText(card, `You approved ${REQUESTER}'s access`);
    await journey.chat.screenshot("site-access-2-approved", [card]);

    expect(decided).toMatch(/Reporting, Partner Guided Selling/);
    await expect(card.getByRole("button", { name: "Approve with these privileges", exact: true }).count()).resolves.toBe(0);
    await expect(siteUser(REQUESTER)).resolves.toMatchObject({ state: "active", role: "user", entitlements: ["reporting", "guided_selling"] });
  });
});
