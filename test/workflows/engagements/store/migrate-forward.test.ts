// A database of the release before the audit table migrates forward with its history intact:
// every EngagementEvent row becomes an AuditEntry of its engagement, with who, when, what, why
// and its details, and the engagement keeps its state, now held by an enum.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedDatabase, openDatabase } from "../../../../src/platform/store/db";
import { migrateDatabase } from "../../../../src/platform/store/migrate";
import { findEngagement, listEngagementEvents } from "../../../../src/workflows/engagements/store/engagements";
import { testProvider } from "../../../support/database";
import { createDatabaseBefore, migrationNamed } from "../../../support/migrations";
import { type LegacyEvent, insertLegacyEngagement, insertLegacyEvent, insertLegacyOrganisation } from "./legacy-rows";

const AUDIT_MIGRATION = migrationNamed("_audit_entries_and_state_enums");

let database: { url: string; drop(): Promise<void> };
let opened: OpenedDatabase | undefined;
let organisationId: string;
let applied: string[];

const approvedAt = new Date("2026-11-21T09:30:00Z");
const rejectedAt = new Date("2026-11-22T14:00:00Z");

function legacyEvent(engagementId: string, sequence: number, action: string, at: Date, extra: Partial<LegacyEvent> = {}): LegacyEvent {
  return {
    id: `evt-${engagementId}-${sequence}`,
    organisationId,
    engagementId,
    sequence,
    at,
    action,
    actorId: "aad-ana",
    actorName: "Ana Approver",
    reason: null,
    details: null,
    ...extra,
  };
}

beforeAll(async () => {
  database = await createDatabaseBefore(AUDIT_MIGRATION);
  const older = openDatabase(database.url);
  try {
    organisationId = "org-forward";
    await insertLegacyOrganisation(older.db, { id: organisationId, tenantId: "tenant-forward", timeZone: "Europe/Paris" });
    const requestedAt = new Date("2026-11-20T08:00:00Z");
    await insertLegacyEngagement(older.db, {
      id: "eng-approved",
      organisationId,
      reference: "ENG-7001",
      state: "approved",
      version: 3,
      requestedAt,
      decision: { at: approvedAt, byId: "aad-ana", byName: "Ana Approver" },
    });
    await insertLegacyEngagement(older.db, {
      id: "eng-rejected",
      organisationId,
      reference: "ENG-7002",
      state: "rejected",
      version: 2,
      requestedAt,
      decision: { at: rejectedAt, byId: "aad-ana", byName: "Ana Approver", reason: "Duplicate of ENG-7001" },
    });
    await insertLegacyEngagement(older.db, { id: "eng-pending", organisationId, reference: "ENG-7003", state: "pending", version: 1, requestedAt });
    const imported = { actorId: null, actorName: "Vendor portal import" };
    for (const event of [
      legacyEvent("eng-approved", 1, "created", requestedAt, imported),
      legacyEvent("eng-approved", 2, "approved", approvedAt),
      legacyEvent("eng-approved", 3, "billing_submitted", new Date("2026-11-23T10:00:00Z"), {
        actorId: "aad-bea",
        actorName: "Bea Billing",
        details: JSON.stringify({ entryReference: "BIL-1", amount: "120.00" }),
      }),
      legacyEvent("eng-rejected", 1, "created", requestedAt, imported),
      legacyEvent("eng-rejected", 2, "rejected", rejectedAt, { reason: "Duplicate of ENG-7001" }),
      legacyEvent("eng-pending", 1, "created", requestedAt, imported),
    ]) {
      await insertLegacyEvent(older.db, event);
    }
  } finally {
    await older.close();
  }
  applied = (await migrateDatabase(database.url)).applied;
  opened = openDatabase(database.url);
});

afterAll(async () => {
  await opened?.close();
  await database?.drop();
});

describe("migrating a database of the previous release forward", () => {
  it("applies the audit migration and any after it", () => {
    expect(applied[0]).toBe(AUDIT_MIGRATION);
  });

  it("keeps every engagement's history, in order, with who, when, why and details", async () => {
    const db = opened!.db;
    expect(await listEngagementEvents(db, organisationId, "eng-approved")).toEqual([
      { engagementId: "eng-approved", organisationId, sequence: 1, at: new Date("2026-11-20T08:00:00Z"), action: "created", actorName: "Vendor portal import" },
      { engagementId: "eng-approved", organisationId, sequence: 2, at: approvedAt, action: "approved", actorId: "aad-ana", actorName: "Ana Approver" },
      {
        engagementId: "eng-approved",
        organisationId,
        sequence: 3,
        at: new Date("2026-11-23T10:00:00Z"),
        action: "billing_submitted",
        actorId: "aad-bea",
        actorName: "Bea Billing",
        details: { entryReference: "BIL-1", amount: "120.00" },
      },
    ]);
    const rejected = await listEngagementEvents(db, organisationId, "eng-rejected");
    expect(rejected.map((event) => [event.action, event.reason])).toEqual([
      ["created", undefined],
      ["rejected", "Duplicate of ENG-7001"],
    ]);
    expect(await db.auditEntry.count({ where: { organisationId, recordKind: "engagement" } })).toBe(6);
  });

  it("keeps every engagement's state and decision", async () => {
    const db = opened!.db;
    expect((await findEngagement(db, organisationId, "eng-approved"))?.state).toBe("approved");
    expect((await findEngagement(db, organisationId, "eng-rejected"))?.decision).toEqual({
      at: rejectedAt,
      byId: "aad-ana",
      byName: "Ana Approver",
      reason: "Duplicate of ENG-7001",
    });
    expect((await findEngagement(db, organisationId, "eng-pending"))?.state).toBe("pending");
  });

  it("drops the old history table", async () => {
    const db = opened!.db;
    const tables =
      testProvider === "sqlite"
        ? await db.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'table'`
        : await db.$queryRaw<{ name: string }[]>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`;
    const names = tables.map((table) => table.name);
    expect(names).toContain("AuditEntry");
    expect(names).not.toContain("EngagementEvent");
  });
});
