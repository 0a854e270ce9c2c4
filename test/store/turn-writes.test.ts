// Every activity resolves its organisation and user and, in personal chats, refreshes the
// conversation reference. Once they are known, an activity that changes nothing writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rememberConversation } from "../../src/platform/store/conversation-references";
import { ensureOrganisation, ensureUser } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

async function updatedAt(table: "partnerUser" | "conversationReference", id: string): Promise<number> {
  const row =
    table === "partnerUser"
      ? await database.db.partnerUser.findUnique({ where: { id } })
      : await database.db.conversationReference.findUnique({ where: { id } });
  return row?.updatedAt.getTime() ?? 0;
}

describe("what an activity writes", () => {
  it("creates the organisation and the user once, then only reads them", async () => {
    const first = await ensureOrganisation(database.db, "tenant-w", { timeZone: "UTC" });
    expect(await ensureOrganisation(database.db, "tenant-w", { timeZone: "Europe/Paris" })).toEqual(first);
    const input = { organisationId: first.id, aadObjectId: "aad-w", name: "Wen", locale: "fr-FR", teamsUserId: "29:w", role: "viewer" as const };
    const user = await ensureUser(database.db, input);
    const before = await updatedAt("partnerUser", user.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await ensureUser(database.db, input)).toEqual(user);
    expect(await updatedAt("partnerUser", user.id)).toBe(before);
    const renamed = await ensureUser(database.db, { ...input, name: "Wen Li" });
    expect(renamed.name).toBe("Wen Li");
    expect(await updatedAt("partnerUser", user.id)).toBeGreaterThan(before);
  });

  it("lets concurrent first contacts of one tenant and user meet on one row", async () => {
    const organisations = await Promise.all(Array.from({ length: 8 }, () => ensureOrganisation(database.db, "tenant-race", { timeZone: "UTC" })));
    expect(new Set(organisations.map((o) => o.id)).size).toBe(1);
    const users = await Promise.all(
      Array.from({ length: 8 }, () => ensureUser(database.db, { organisationId: organisations[0]!.id, aadObjectId: "aad-race", name: "Ra", role: "viewer" })),
    );
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
  });

  it("rewrites a conversation reference only when something in it changed", async () => {
    const organisation = await ensureOrganisation(database.db, "tenant-w", { timeZone: "UTC" });
    const input = {
      organisationId: organisation.id,
      tenantId: organisation.tenantId,
      conversationId: "a:personal-w",
      kind: "personal" as const,
      serviceUrl: "https://smba.example/emea/",
      reference: { conversation: { id: "a:personal-w" }, channelId: "msteams" },
      aadObjectId: "aad-w",
      locale: "fr-FR",
    };
    const stored = await rememberConversation(database.db, input);
    const before = await updatedAt("conversationReference", stored.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await rememberConversation(database.db, input);
    expect(await updatedAt("conversationReference", stored.id)).toBe(before);
    await rememberConversation(database.db, { ...input, serviceUrl: "https://smba.example/amer/" });
    expect(await updatedAt("conversationReference", stored.id)).toBeGreaterThan(before);
  });
});
