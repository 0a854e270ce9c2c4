// Every card click is answered: HTTP 200 with an error card carrying a correlation id when the
// store fails (even before the user's organisation and role are known), and input no store can
// keep is refused in words, with nothing written.
import { afterEach, describe, expect, it } from "vitest";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { findEngagement, insertEngagement } from "../../src/workflows/engagements/store/engagements";
import { cardText, startTestBot, type TestBot } from "../support/bot";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function pendingEngagement(test: TestBot): Promise<Engagement> {
  const engagement: Engagement = {
    id: "eng-invoke",
    organisationId: test.organisation.id,
    externalId: "ext-invoke",
    reference: "ENG-9001",
    title: "Managed firewall",
    clientName: "Contoso",
    productName: "Firewall",
    requestedAt: new Date("2026-11-20T08:00:00Z"),
    state: "pending",
    version: 1,
  };
  await test.database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: "Import" }, engagement.requestedAt)] }),
  );
  return engagement;
}

describe("a card click when something fails", () => {
  it("gets HTTP 200 and an error card with a reference when the organisation cannot be read", async () => {
    bot = await startTestBot();
    const approver = await bot.user("approver");
    const engagement = await pendingEngagement(bot);
    await bot.database.db.$executeRawUnsafe('ALTER TABLE "Organisation" RENAME TO "OrganisationGone"');
    const { status, body } = await bot.invoke(approver, "engagement.approve", { engagementId: engagement.id });
    expect(status).toBe(200);
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(body.value)).toMatch(/Reference: [0-9a-f-]{36}/);
    await bot.database.db.$executeRawUnsafe('ALTER TABLE "OrganisationGone" RENAME TO "Organisation"');
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("pending");
  });

  it.each([
    ["a NUL", "no\u0000budget"],
    ["a lone surrogate", "no budget \ud800"],
  ])("refuses a rejection reason with %s in words, and the engagement stays pending", async (_name, reason) => {
    bot = await startTestBot();
    const approver = await bot.user("approver");
    const engagement = await pendingEngagement(bot);
    const { status, body } = await bot.invoke(approver, "engagement.reject", { engagementId: engagement.id, reason });
    expect(status).toBe(200);
    expect(body.type).toBe("application/vnd.microsoft.activity.message");
    expect(String(body.value)).toMatch(/reason/);
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("pending");
  });

  it("refuses a rejection reason made only of zero-width characters", async () => {
    bot = await startTestBot();
    const approver = await bot.user("approver");
    const engagement = await pendingEngagement(bot);
    const { status } = await bot.invoke(approver, "engagement.reject", { engagementId: engagement.id, reason: "\u200b\u200c\ufeff" });
    expect(status).toBe(200);
    expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("pending");
  });
});
