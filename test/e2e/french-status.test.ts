// Journey 6: a person whose Teams speaks English asks in French where a request stands, and
// the bot answers in French: the language of the question wins over the client's locale.
import { describe, expect, it } from "vitest";
import { DEMO_ORGANISATION } from "../../src/platform/import/demo/seed-demo";
import { useJourney } from "./support/journey";

describe("a status question in French", () => {
  const journey = useJourney();

  it("answers « où en est ENG-1042 ? » with the engagement's card in French", async () => {
    const reply = await journey.chat.say("où en est ENG-1042 ?");
    const text = await journey.chat.waitForText(reply, "ENG-1042");
    await journey.chat.screenshot("6-french-answer", [journey.chat.lastSent(), reply]);

    expect(text).toContain("Managed backup for 40 file servers");
    expect(text).toContain("En attente");
    expect(text).toMatch(/Demandé par\s+Nadia Benali/);
    // The demo's dates are ages counted back from the seeding: read the day it stored.
    const { requestedAt } = await journey.records.engagement("ENG-1042");
    const day = new Intl.DateTimeFormat("fr", { day: "numeric", month: "short", year: "numeric", timeZone: DEMO_ORGANISATION.timeZone });
    expect(text.replace(/\s+/g, " ")).toContain(`Demandé le ${day.format(requestedAt)}`);
    await expect(reply.getByRole("button", { name: "Approuver", exact: true }).isVisible()).resolves.toBe(true);
    await expect(reply.getByRole("button", { name: "Rejeter", exact: true }).isVisible()).resolves.toBe(true);
    expect(text).not.toMatch(/\b(Pending|Requested by|Approve)\b/);
  });
});
