// Decide once, with a stand-in database whose transactions keep their writes only on commit:
// load -> decide -> save -> audit in one transaction, a lost race retried, one outcome type.
import { describe, expect, it } from "vitest";
import { type Result, accept, refuse } from "../../../src/platform/domain/result";
import type { AuditEntry } from "../../../src/platform/store/audit";
import type { Db } from "../../../src/platform/store/db";
import { type DecideOnceSteps, type Decided, decideOnce } from "../../../src/platform/store/decide-once";

interface Doc {
  id: string;
  version: number;
  state: string;
}

const at = new Date("2026-11-24T10:00:00Z");
const audit = (doc: Doc, action: string): AuditEntry => ({
  organisationId: "org-1",
  recordKind: "doc",
  recordId: doc.id,
  recordVersion: doc.version,
  at,
  action,
  actorName: "Ana",
});

/** A store of one record: a transaction's writes land when its callback returns, none when it throws. */
function standIn(initial: Doc) {
  const committed = { doc: initial, audit: [] as AuditEntry[] };
  const db = {
    $transaction: async <T>(work: (tx: unknown) => Promise<T>): Promise<T> => {
      const pending = { doc: committed.doc, audit: [] as AuditEntry[] };
      // Audit entries arrive as the bulk insert writes them: one JSON parameter of rows, in the statement's column order.
      const $executeRawUnsafe = async (sql: string, rows: string) => {
        const columns = [...(/\(([^)]*)\) SELECT/.exec(sql)?.[1] ?? "").matchAll(/"(\w+)"/g)].map((match) => match[1] ?? "");
        for (const row of JSON.parse(rows) as unknown[][])
          pending.audit.push(Object.fromEntries(columns.map((column, i) => [column, row[i]])) as unknown as AuditEntry);
      };
      const tx = { pending, $executeRawUnsafe };
      const result = await work(tx);
      committed.doc = pending.doc;
      committed.audit.push(...pending.audit);
      return result;
    },
  } as unknown as Db;
  return { db, committed };
}

type Tx = { pending: { doc: Doc } };

function steps(decide: (doc: Doc) => Result<Decided<Doc>>, overrides: Partial<DecideOnceSteps<Doc, Doc>> = {}): DecideOnceSteps<Doc, Doc> {
  return {
    load: async (tx) => (tx as unknown as Tx).pending.doc,
    decide,
    save: async (tx, before, next) => {
      const pending = (tx as unknown as Tx).pending;
      if (pending.doc.version !== before.version) return false;
      pending.doc = next;
      return true;
    },
    ...overrides,
  };
}

const approve = (doc: Doc): Result<Decided<Doc>> => {
  if (doc.state !== "pending") return refuse("already_decided", { state: doc.state });
  const next = { ...doc, state: "approved", version: doc.version + 1 };
  return accept({ next, audit: audit(next, "approved") });
};

describe("deciding once", () => {
  it("saves the decision and its audit entry together, and answers decided with the new record", async () => {
    const { db, committed } = standIn({ id: "d1", version: 1, state: "pending" });
    const outcome = await decideOnce(db, steps(approve));
    expect(outcome).toEqual({ outcome: "decided", record: { id: "d1", version: 2, state: "approved" } });
    expect(committed.audit.map((entry) => [entry.action, entry.recordVersion])).toEqual([["approved", 2]]);
  });

  it("answers a refusal with the record as loaded, and writes nothing", async () => {
    const { db, committed } = standIn({ id: "d1", version: 3, state: "rejected" });
    let saves = 0;
    const outcome = await decideOnce(db, steps(approve, { save: async () => ++saves > 0 }));
    expect(outcome).toEqual({ outcome: "refused", refusal: { code: "already_decided", facts: { state: "rejected" } }, record: committed.doc });
    expect(saves).toBe(0);
    expect(committed.audit).toEqual([]);
  });

  it("answers not_found when there is no record", async () => {
    const { db } = standIn({ id: "d1", version: 1, state: "pending" });
    expect(await decideOnce(db, steps(approve, { load: async () => null }))).toEqual({ outcome: "not_found" });
  });

  it("answers unchanged for a replay, without saving", async () => {
    const { db, committed } = standIn({ id: "d1", version: 1, state: "pending" });
    const outcome = await decideOnce(
      db,
      steps(() => accept({ unchanged: true })),
    );
    expect(outcome).toEqual({ outcome: "unchanged", record: committed.doc });
    expect(committed.audit).toEqual([]);
  });

  it("retries a lost race from a fresh read, without an error reaching the caller", async () => {
    const { db, committed } = standIn({ id: "d1", version: 1, state: "pending" });
    let loads = 0;
    const outcome = await decideOnce(
      db,
      steps(approve, {
        // The first read is stale: it predates version 1, which another writer saved meanwhile.
        load: async (tx) => (++loads === 1 ? { id: "d1", version: 0, state: "pending" } : (tx as unknown as Tx).pending.doc),
      }),
    );
    expect(loads).toBe(2);
    expect(outcome).toMatchObject({ outcome: "decided", record: { version: 2 } });
    expect(committed.audit).toHaveLength(1);
  });

  it("rolls the decision and its audit back when a later write of the decision fails", async () => {
    const { db, committed } = standIn({ id: "d1", version: 1, state: "pending" });
    const failing = decideOnce(db, steps(approve, { after: async () => Promise.reject(new Error("outbox unavailable")) }));
    await expect(failing).rejects.toThrow("outbox unavailable");
    expect(committed.doc.state).toBe("pending");
    expect(committed.audit).toEqual([]);
  });

  it("gives up after a bounded number of rounds when a save can never win", async () => {
    const { db } = standIn({ id: "d1", version: 1, state: "pending" });
    await expect(decideOnce(db, steps(approve, { save: async () => false }), { attempts: 3 })).rejects.toThrow("gave up after 3 lost write races");
  });
});
