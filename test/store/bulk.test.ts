// The import's bulk writer (src/platform/store/bulk.ts) on the database the vitest
// project names: rows it writes read back through Prisma exactly as rows Prisma wrote
// itself, across chunks, and a duplicate key fails the way retries recognise.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { findEngagementsByKeys, insertEngagements } from "../../src/workflows/engagements/store/engagements";
import { BULK_CHUNK, KEY_CHUNK, bulkTable, findRowsByKeys, insertRows } from "../../src/platform/store/bulk";
import { isUniqueViolation } from "../../src/platform/store/db";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let organisationId: string;
const at = new Date("2026-03-29T01:30:00.123Z");

beforeAll(async () => {
  database = await createTestDatabase();
  organisationId = (await ensureOrganisation(database.db, "tenant-bulk", { timeZone: "Europe/Paris" })).id;
});

afterAll(async () => database?.destroy());

const engagement = (n: number, overrides: Partial<Engagement> = {}): Engagement => ({
  id: randomUUID(),
  organisationId,
  externalId: `BULK-${n}`,
  reference: `ENG-${900_000 + n}`,
  title: `Backup ${n}`,
  clientName: "Client; DROP TABLE x",
  productName: "Backup",
  requestedAt: new Date(Date.UTC(2026, 0, 31, 23, 59, 59, 999) + n),
  state: "pending",
  version: 1,
  ...overrides,
});

const comparable = (row: Record<string, unknown>) => {
  const { id: _id, externalId: _e, reference: _r, ...rest } = row;
  return rest;
};

describe("bulk insert", () => {
  it("writes rows Prisma reads back as it reads its own: text, nulls, instants to the millisecond, enums, integers", async () => {
    const decided = {
      state: "approved" as const,
      version: 3,
      title: `Zoë's "backup" — 日本`,
      description: "line one\nline two",
      requestedBy: undefined,
      decision: { at: new Date("2026-02-01T00:00:00.001Z"), byId: "aad-1", byName: "Ana", reason: "ok" },
    };
    const viaBulk = engagement(1, decided);
    const viaPrisma = engagement(2, decided);
    await database.db.$transaction((tx) => insertEngagements(tx, [{ engagement: viaBulk, events: [] }], at));
    await database.db.engagement.create({
      data: {
        id: viaPrisma.id,
        organisationId,
        externalId: viaPrisma.externalId,
        reference: viaPrisma.reference,
        title: viaPrisma.title,
        clientName: viaPrisma.clientName,
        productName: viaPrisma.productName,
        description: viaPrisma.description ?? null,
        requestedBy: null,
        requestedAt: viaPrisma.requestedAt,
        state: "approved",
        version: 3,
        decidedAt: decided.decision.at,
        decidedById: "aad-1",
        decidedByName: "Ana",
        decisionReason: "ok",
        completedAt: null,
        createdAt: at,
        updatedAt: at,
      },
    });
    const bulk = await database.db.engagement.findUniqueOrThrow({ where: { id: viaBulk.id } });
    const prisma = await database.db.engagement.findUniqueOrThrow({ where: { id: viaPrisma.id } });
    expect(bulk.requestedAt.getTime()).toBe(viaBulk.requestedAt.getTime());
    expect(comparable({ ...bulk, requestedAt: null })).toEqual(comparable({ ...prisma, requestedAt: null }));
    expect(bulk).toMatchObject({ title: viaBulk.title, clientName: "Client; DROP TABLE x", createdAt: at, updatedAt: at, version: 3 });
    // Filters and sorts on the written columns behave as on Prisma's rows.
    const found = await database.db.engagement.findMany({
      where: { organisationId, state: "approved", requestedAt: { gte: viaBulk.requestedAt }, decidedAt: { lte: decided.decision.at } },
      orderBy: { requestedAt: "asc" },
    });
    expect(found.map((row) => row.externalId)).toEqual(["BULK-1", "BULK-2"]);
  });

  it("writes every row across several chunks, with each one's audit history", async () => {
    const count = BULK_CHUNK * 2 + 17;
    const transitions = Array.from({ length: count }, (_, n) => {
      const e = engagement(10_000 + n);
      return { engagement: e, events: [eventFor(e, "created", { aadObjectId: "import", name: "Import" }, e.requestedAt)] };
    });
    await database.db.$transaction((tx) => insertEngagements(tx, transitions, at));
    expect(await database.db.engagement.count({ where: { organisationId, externalId: { startsWith: "BULK-1" }, createdAt: at } })).toBeGreaterThanOrEqual(
      count,
    );
    const last = transitions[count - 1]!.engagement;
    const history = await database.db.auditEntry.findMany({ where: { recordId: last.id } });
    expect(history).toMatchObject([{ action: "created", recordVersion: 1, actorName: "Import", at: last.requestedAt }]);
  });

  it("fails a duplicate key as a unique violation and leaves the transaction's rows unwritten", async () => {
    const first = engagement(50_000);
    const twin = { ...engagement(50_001), externalId: first.externalId };
    const error = await database.db
      .$transaction((tx) =>
        insertEngagements(
          tx,
          [
            { engagement: first, events: [] },
            { engagement: twin, events: [] },
          ],
          at,
        ),
      )
      .catch((caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await database.db.engagement.count({ where: { organisationId, externalId: first.externalId } })).toBe(0);
  });

  it("refuses a value of the wrong kind before writing anything", async () => {
    type Row = { id: string; recordVersion: number };
    const table = bulkTable<Row>("AuditEntry", { id: "text", recordVersion: "integer" });
    await expect(insertRows(database.db, table, [{ id: "x", recordVersion: 1.5 }])).rejects.toThrow(/integer/);
    await expect(
      database.db.$transaction((tx) => insertEngagements(tx, [{ engagement: engagement(60_000, { requestedAt: new Date(Number.NaN) }), events: [] }], at)),
    ).rejects.toThrow(/invalid date/);
  });

  it("finds rows by key within one organisation only, past a chunk of keys, and each engagement once by either key", async () => {
    const other = (await ensureOrganisation(database.db, "tenant-bulk-other", { timeZone: "UTC" })).id;
    const mine = engagement(70_000, { externalId: "SHARED-1" });
    const theirs = { ...engagement(70_001, { externalId: "SHARED-1" }), organisationId: other, reference: mine.reference };
    const byReference = engagement(70_002);
    await database.db.$transaction((tx) =>
      insertEngagements(
        tx,
        [mine, theirs, byReference].map((e) => ({ engagement: e, events: [] })),
        at,
      ),
    );
    const misses = Array.from({ length: KEY_CHUNK }, (_, n) => `MISSING-${n}`);
    const rows = await findRowsByKeys<{ id: string; requestedAt: Date }>(
      database.db,
      "Engagement",
      { column: "organisationId", value: organisationId },
      { column: "externalId", values: [...misses, "SHARED-1"] },
    );
    expect(rows.map((row) => row.id)).toEqual([mine.id]);
    expect(rows[0]?.requestedAt).toEqual(mine.requestedAt);
    const found = await findEngagementsByKeys(database.db, organisationId, {
      externalIds: ["SHARED-1", "MISSING-0"],
      references: [mine.reference, byReference.reference],
    });
    expect(found.map((e) => e.id).sort()).toEqual([mine.id, byReference.id].sort());
    expect(found.find((e) => e.id === mine.id)).toEqual(mine);
  });
});
