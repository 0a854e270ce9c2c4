// Journey: the Playground user (an admin of the demo) asks which customers still need their
// provider account mapped, opens the newest demo account from the list, sees the customer record
// sharing its domain suggested first with its score and why, and maps it in one click; the
// database then holds the mapping and its event.
import { describe, expect, inject, it } from "vitest";
import { DEMO_ORGANISATION } from "../../src/platform/import/demo/seed-demo";
import { openDatabase } from "../../src/platform/store/db";
import { findOrganisationByTenant } from "../../src/platform/store/organisations";
import { findProviderAccountByProviderId } from "../../src/workflows/provider-accounts/store/provider-accounts";
import { useJourney } from "./support/journey";

/** The demo's account sharing a domain with a record (src/workflows/provider-accounts/demo/demo-records.ts). */
const CONTOSO = { provider: "Microsoft Partner Center", providerAccountId: "3f2a9c1e-7b4d-4c8a-9e21-5d6f7a8b9c01" };

async function storedContoso() {
  const { db, close } = openDatabase(inject("e2e").databaseUrl, { poolSize: 1 });
  try {
    const organisation = await findOrganisationByTenant(db, DEMO_ORGANISATION.tenantId);
    if (!organisation) throw new Error("the demo organisation is not in the e2e database");
    const account = await findProviderAccountByProviderId(db, organisation.id, CONTOSO.provider, CONTOSO.providerAccountId);
    const events = await db.organisationEvent.findMany({ where: { organisationId: organisation.id, type: "provideraccount.mapped" } });
    return { account, events: events.filter((event) => JSON.parse(event.payload).providerAccount.providerAccountId === CONTOSO.providerAccountId) };
  } finally {
    await close();
  }
}

describe("mapping a provider account from its suggestions", () => {
  const journey = useJourney();

  it("lists the demo's unmapped accounts oldest first, with how long each has waited", async () => {
    const reply = await journey.chat.say("which customers still need their provider account mapped?");
    const text = await journey.chat.waitForText(reply, "unmapped provider accounts");
    await journey.chat.screenshot("provider-accounts-1-unmapped", [journey.chat.lastSent(), reply]);
    const order = ["Zebra Quantum Dynamics", "Muller Logistik", "Contoso Pharma EMEA"].map((name) => text.indexOf(name));
    expect(
      order.every((at) => at >= 0),
      text,
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toMatch(/Zebra Quantum Dynamics \(Microsoft Partner Center\), unmapped for 3 days/);
  });

  it("opens the newest, shows the record sharing its domain first, and maps it in one click", async () => {
    const list = journey.chat.card("unmapped provider accounts");
    await list.getByRole("button", { name: "Open", exact: true }).nth(2).click();
    const card = journey.chat.card("Suggested accounts");
    const shown = await journey.chat.waitForText(card, "Contoso Pharma EMEA");
    expect(shown).toMatch(/Contoso Ltd\s+\d+ \/ 100 · Same domain \(contoso\.com\)/);
    await journey.chat.screenshot("provider-accounts-2-suggestions", [card]);

    await card.getByRole("button", { name: "Map", exact: true }).first().click();
    const mapped = journey.chat.card("Mapped to Contoso Ltd");
    const after = await journey.chat.waitForText(mapped, "The change is queued for your billing system");
    await journey.chat.screenshot("provider-accounts-3-mapped", [mapped]);
    expect(after).toMatch(/Mapped by\s+Alex Wilber/);
    await expect(mapped.getByRole("button", { name: "Map", exact: true }).count()).resolves.toBe(0);

    const stored = await storedContoso();
    expect(stored.account).toMatchObject({ state: "mapped", mapping: { customerName: "Contoso Ltd", byName: "Alex Wilber" } });
    expect(stored.events).toHaveLength(1);
  });
});
