// Where the bot may speak first: stored, refreshed, forgotten on removal, revived on reinstall.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findPersonalConversation,
  forgetConversation,
  listReachableOrganisations,
  rememberConversation,
  type RememberConversationInput,
} from "../../src/platform/store/conversation-references";
import type { Organisation } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { organisationNamed } from "./reminder-fixtures";

let database: TestDatabase;
let organisation: Organisation;
let elsewhere: Organisation;

function personal(conversationId: string, overrides: Partial<RememberConversationInput> = {}): RememberConversationInput {
  return {
    organisationId: organisation.id,
    tenantId: organisation.tenantId,
    conversationId,
    kind: "personal",
    aadObjectId: "aad-kim",
    serviceUrl: "https://smba.example/emea/",
    reference: { conversation: { id: conversationId } },
    ...overrides,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await organisationNamed(database.db, "tenant-conv", "Europe/Paris");
  elsewhere = await organisationNamed(database.db, "tenant-gone", "UTC");
});

afterAll(async () => database?.destroy());

describe("remembering conversations", () => {
  it("keeps the zone it knew when a later activity carries none, and takes a new locale", async () => {
    await rememberConversation(database.db, personal("a:1", { timeZone: "Europe/Paris", locale: "fr-FR" }));
    await rememberConversation(database.db, personal("a:1", { locale: "en-GB" }));
    expect(await findPersonalConversation(database.db, organisation.id, "aad-kim")).toMatchObject({
      conversationId: "a:1",
      timeZone: "Europe/Paris",
      locale: "en-GB",
    });
  });

  it("forgets a chat the bot was removed from, and revives it on reinstall", async () => {
    await forgetConversation(database.db, organisation.id, "a:1", "uninstalled", new Date("2026-11-25T10:00:00Z"));
    expect(await findPersonalConversation(database.db, organisation.id, "aad-kim")).toBeUndefined();
    await rememberConversation(database.db, personal("a:1"));
    expect(await findPersonalConversation(database.db, organisation.id, "aad-kim")).toMatchObject({ conversationId: "a:1" });
  });

  it("never lets one organisation forget another's conversation", async () => {
    await forgetConversation(database.db, elsewhere.id, "a:1", "uninstalled", new Date());
    expect(await findPersonalConversation(database.db, organisation.id, "aad-kim")).toBeDefined();
  });

  it("plans only for organisations the bot can still reach", async () => {
    await rememberConversation(database.db, { ...personal("a:gone"), organisationId: elsewhere.id, tenantId: elsewhere.tenantId });
    await forgetConversation(database.db, elsewhere.id, "a:gone", "http_404", new Date());
    expect((await listReachableOrganisations(database.db)).map((o) => o.tenantId)).toEqual(["tenant-conv"]);
  });
});
