// Journey: the Playground's user, the demo's admin, types "validate VCH-7781", sees the
// eligibility on the voucher card, fills in the customer's voucher administrator e-mail,
// accepts the programme terms and reserves: the card shows the voucher reserved.
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_ORGANISATION } from "../../src/platform/import/demo/seed-demo";
import { openDatabase } from "../../src/platform/store/db";
import { findOrganisationByTenant } from "../../src/platform/store/organisations";
import { findVoucherByTypedId } from "../../src/workflows/planning-vouchers/store/vouchers";
import { useJourney } from "./support/journey";

const database = openDatabase(inject("e2e").databaseUrl, { poolSize: 1 });

async function voucherState(reference: string): Promise<string | undefined> {
  const organisation = await findOrganisationByTenant(database.db, DEMO_ORGANISATION.tenantId);
  if (!organisation) throw new Error("the demo organisation is not in the e2e database");
  return (await findVoucherByTypedId(database.db, organisation.id, reference))?.state;
}

afterAll(async () => database.close());

describe("validating and reserving a planning voucher in the chat", () => {
  const journey = useJourney();

  it("validates VCH-7781, shows the eligibility and reserves it", async () => {
    await expect(voucherState("VCH-7781")).resolves.toBe("assigned");
    await journey.chat.say("validate VCH-7781");
    const card = journey.chat.card("VCH-7781");
    const shown = await journey.chat.waitForText(card, "Eligible for Windows and Office Deployment Planning");
    expect(shown).toContain("Northwind Traders");

    await card.getByRole("textbox", { name: /Voucher administrator/ }).fill("sa.admin@northwind.example");
    await card.getByRole("checkbox", { name: /programme terms/ }).check();
    await journey.chat.press(card, "Validate and reserve");
    const reserved = await journey.chat.waitForText(card, "VCH-7781 is reserved");
    await journey.chat.screenshot("voucher-reserved", [card]);

    expect(reserved).toContain("Reserved");
    await expect(voucherState("VCH-7781")).resolves.toBe("reserved");
  });
});
