// The pull feed under concurrent writers: 20 writers emit events while one reader polls the
// feed with its cursor. Each writer holds its transaction open a little after emitting (a
// commit that comes late); the reader must still read every committed event exactly once,
// in position order, and none twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent } from "../../src/platform/events/define-event";
import { emitEvent } from "../../src/platform/events/emit";
import { readEventsAfter } from "../../src/platform/events/events";
import { type OpenedDatabase, openDatabase } from "../../src/platform/store/db";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";

const happened = defineEvent("test.thing.happened", z.object({ writer: z.number(), n: z.number() }), "A test event.");
const now = new Date("2026-11-02T10:00:00Z");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let database: TestDatabase;
let wide: OpenedDatabase;
let organisationId: string;
let otherOrganisationId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  // A pool large enough for 20 writers and the reader at once.
  wide = openDatabase(database.url, { poolSize: 25 });
  organisationId = (await ensureOrganisation(database.db, "tenant-feed", { timeZone: "UTC" })).id;
  otherOrganisationId = (await ensureOrganisation(database.db, "tenant-feed-other", { timeZone: "UTC" })).id;
});
afterAll(async () => {
  await wide?.close();
  await database?.destroy();
});

describe("the event feed under concurrent writers", () => {
  it("gives 20 writers' events to a polling reader exactly once each, none skipped, in position order", async () => {
    const WRITERS = 20;
    const PER_WRITER = 10;
    const committed = new Set<string>();
    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; n < PER_WRITER; n++) {
        const id = await wide.db.$transaction(async (tx) => {
          // Another organisation's writer shares nothing with this feed but the table.
          if (n % 3 === 0) await emitEvent(tx, happened, { organisationId: otherOrganisationId, data: { writer, n }, now });
          const event = await emitEvent(tx, happened, { organisationId, data: { writer, n }, now });
          await pause(Math.random() * 4);
          return event.id;
        });
        committed.add(id);
      }
    });
    const read: string[] = [];
    const positions: number[] = [];
    let cursor = 0;
    const poll = async () => {
      const page = await readEventsAfter(wide.db, organisationId, cursor, 7);
      for (const event of page) {
        read.push(event.id);
        positions.push(event.position);
      }
      cursor = page.at(-1)?.position ?? cursor;
      return page.length;
    };
    const reader = (async () => {
      while (writing) {
        await poll();
        await pause(1);
      }
      while ((await poll()) > 0);
    })();
    await Promise.all(writers);
    writing = false;
    await reader;

    expect(committed.size).toBe(WRITERS * PER_WRITER);
    expect(read).toHaveLength(committed.size);
    expect(new Set(read)).toEqual(committed);
    expect(positions).toEqual(Array.from({ length: committed.size }, (_, i) => i + 1));
  });

  it("gives the position back when the transaction rolls back: no gap, no event", async () => {
    const before = await readEventsAfter(database.db, organisationId, 0, 10_000);
    await expect(
      database.db.$transaction(async (tx) => {
        await emitEvent(tx, happened, { organisationId, data: { writer: -1, n: -1 }, now });
        throw new Error("the decision failed after its event");
      }),
    ).rejects.toThrow("the decision failed");
    const event = await database.db.$transaction((tx) => emitEvent(tx, happened, { organisationId, data: { writer: -2, n: -2 }, now }));
    expect(event.position).toBe(before.length + 1);
  });

  it("refuses an event whose data breaks its schema, rolling the transaction back", async () => {
    await expect(database.db.$transaction((tx) => emitEvent(tx, happened, { organisationId, data: { writer: "x" } as never, now }))).rejects.toThrow();
  });
});
