// Mapping a provider account on a real database: of people mapping one account at once, on two
// instances, exactly one maps it, with one audit entry and one event out; the others are told who
// mapped it to what. A remap by an admin needs a reason and is audited; a replayed arrival
// writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../../src/platform/domain/roles";
import { listAudit } from "../../../../src/platform/store/audit";
import { ensureOrganisation } from "../../../../src/platform/store/organisations";
import { saveCustomerRecord } from "../../../../src/workflows/provider-accounts/store/customer-records";
import {
  changeMappingOnce,
  findProviderAccount,
  listUnmapped,
  PROVIDER_ACCOUNT_KIND,
  receiveProviderAccountIn,
} from "../../../../src/workflows/provider-accounts/store/provider-accounts";
import { suggestionsFor } from "../../../../src/workflows/provider-accounts/store/suggestions";
import { createTwoInstanceDatabase, type TwoInstanceDatabase } from "../../../support/database";

let database: TwoInstanceDatabase;
let organisationId: string;
const now = new Date("2026-11-24T10:00:00Z");
const billing = (i: number): Actor => ({ organisationId, aadObjectId: `aad-billing-${i}`, name: `Billing ${i}`, role: "billing" });
let sequence = 0;

async function customer(name: string, domains: string[]) {
  sequence += 1;
  const facts = { externalId: `CRM-${sequence}`, name, domains };
  return saveCustomerRecord(database.database.db, organisationId, undefined, facts, { action: "customerRecord.imported", after: facts }, now, "Import");
}

async function account(name: string, domains: string[], appearedAt = now) {
  sequence += 1;
  const received = await database.database.db.$transaction((tx) =>
    receiveProviderAccountIn(
      tx,
      organisationId,
      { provider: "Microsoft Partner Center", providerAccountId: `PA-${sequence}`, name, domains, appearedAt },
      now,
      "Import",
    ),
  );
  if (!received.ok) throw new Error(received.refusal.code);
  return received.value.account;
}

beforeAll(async () => {
  database = await createTwoInstanceDatabase();
  organisationId = (await ensureOrganisation(database.database.db, "tenant-provider-accounts", { timeZone: "UTC" })).id;
});

afterAll(async () => database?.destroy());

describe("mapping a provider account once", () => {
  it("lets one of 10 people mapping at once, on two instances, map it; the others see who mapped it to what", async () => {
    const contoso = await customer("Contoso Ltd", ["contoso.com"]);
    const other = await customer("Contoso Pharma", ["contosopharma.com"]);
    const pa = await account("Contoso", ["contoso.com"]);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        changeMappingOnce(database.clients[i % 2]!, billing(i), pa.id, { kind: "map", customerRecordId: i % 2 ? other.id : contoso.id }, now),
      ),
    );
    const decided = outcomes.filter((o) => o.outcome === "decided");
    expect(decided).toHaveLength(1);
    const refused = outcomes.filter((o) => o.outcome === "refused");
    expect(refused).toHaveLength(9);
    const stored = await findProviderAccount(database.database.db, organisationId, pa.id);
    for (const o of refused) {
      if (o.outcome !== "refused") continue;
      expect(o.refusal.code).toBe("already_mapped");
      expect(o.refusal.facts).toMatchObject({ customerName: stored?.mapping?.customerName, by: stored?.mapping?.byName });
    }
    const history = await listAudit(database.database.db, organisationId, PROVIDER_ACCOUNT_KIND, pa.id);
    expect(history.map((entry) => entry.action)).toEqual(["providerAccount.appeared", "provideraccount.mapped"]);
    const events = await database.database.db.organisationEvent.findMany({ where: { organisationId, type: "provideraccount.mapped" } });
    expect(events.filter((event) => JSON.parse(event.payload).providerAccount.id === pa.id)).toHaveLength(1);
  });

  it("remaps only by an admin with a reason, audited, with a remapped event naming both records", async () => {
    const first = await customer("Fabrikam Inc", ["fabrikam.com"]);
    const second = await customer("Fabrikam Europe", ["fabrikam.eu"]);
    const pa = await account("Fabrikam", ["fabrikam.com"]);
    expect((await changeMappingOnce(database.database.db, billing(1), pa.id, { kind: "map", customerRecordId: first.id }, now)).outcome).toBe("decided");
    const byBilling = await changeMappingOnce(database.database.db, billing(1), pa.id, { kind: "remap", customerRecordId: second.id, reason: "wrong" }, now);
    expect(byBilling).toMatchObject({ outcome: "refused", refusal: { code: "not_permitted" } });
    const admin: Actor = { organisationId, aadObjectId: "aad-admin", name: "Ada Admin", role: "admin" };
    const noReason = await changeMappingOnce(database.database.db, admin, pa.id, { kind: "remap", customerRecordId: second.id, reason: " " }, now);
    expect(noReason).toMatchObject({ outcome: "refused", refusal: { code: "reason_required" } });
    const remapped = await changeMappingOnce(
      database.database.db,
      admin,
      pa.id,
      { kind: "remap", customerRecordId: second.id, reason: "European entity" },
      now,
    );
    expect(remapped.outcome).toBe("decided");
    const history = await listAudit(database.database.db, organisationId, PROVIDER_ACCOUNT_KIND, pa.id);
    expect(history.at(-1)).toMatchObject({ action: "provideraccount.remapped", actorName: "Ada Admin", reason: "European entity" });
    const event = await database.database.db.organisationEvent.findFirst({ where: { organisationId, type: "provideraccount.remapped" } });
    const payload = JSON.parse(event?.payload ?? "{}");
    expect(payload).toMatchObject({ customer: { id: second.id, externalId: second.externalId }, previousCustomer: { id: first.id } });
    const unmapped = await changeMappingOnce(database.database.db, admin, pa.id, { kind: "unmap", reason: "Customer left" }, now);
    expect(unmapped.outcome).toBe("decided");
    expect((await findProviderAccount(database.database.db, organisationId, pa.id))?.state).toBe("unmapped");
  });

  it("refuses a customer record of another organisation as one that does not exist", async () => {
    const elsewhere = (await ensureOrganisation(database.database.db, "tenant-elsewhere", { timeZone: "UTC" })).id;
    const facts = { externalId: "X-1", name: "Contoso Ltd", domains: ["contoso.com"] };
    const foreign = await saveCustomerRecord(database.database.db, elsewhere, undefined, facts, { action: "customerRecord.imported" }, now, "Import");
    const pa = await account("Contoso Two", ["contoso.com"]);
    const outcome = await changeMappingOnce(database.database.db, billing(1), pa.id, { kind: "map", customerRecordId: foreign.id }, now);
    expect(outcome).toMatchObject({ outcome: "refused", refusal: { code: "customer_not_found" } });
  });

  it("takes an arrival replayed with the same facts as a replay, and other facts as a conflict", async () => {
    const row = { provider: "TD SYNNEX", providerAccountId: "SYN-1", name: "Tailspin Toys", domains: ["tailspintoys.com"], appearedAt: now };
    const db = database.database.db;
    const first = await db.$transaction((tx) => receiveProviderAccountIn(tx, organisationId, row, now, "Import"));
    const again = await db.$transaction((tx) => receiveProviderAccountIn(tx, organisationId, row, now, "Import"));
    const changed = await db.$transaction((tx) => receiveProviderAccountIn(tx, organisationId, { ...row, name: "Tailspin" }, now, "Import"));
    expect(first).toMatchObject({ ok: true, value: { outcome: "appeared" } });
    expect(again).toMatchObject({ ok: true, value: { outcome: "replay" } });
    expect(changed).toMatchObject({ ok: false, refusal: { code: "provider_account_conflict", facts: { fields: "name" } } });
  });

  it("lists unmapped accounts oldest first, a page at a time, and suggests by domain first", async () => {
    const older = await account("Woodgrove", ["woodgrovebank.com"], new Date("2026-11-01T00:00:00Z"));
    await customer("Woodgrove Bank", ["woodgrovebank.com"]);
    const page = await listUnmapped(database.database.db, organisationId, { limit: 1 });
    expect(page.items[0]?.id).toBe(older.id);
    expect(page.next).toBeDefined();
    const suggestions = await suggestionsFor(database.database.db, older);
    expect(suggestions[0]).toMatchObject({ customer: { name: "Woodgrove Bank" }, reasons: expect.arrayContaining(["same_domain"]) });
  });
});
