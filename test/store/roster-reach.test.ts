// Roster members on the database the vitest project names: a large roster is remembered page by
// page in bounded statements, known people keep their role and name, a complete read marks the
// missing as left, and two instances delivering to one member who never wrote meet on one
// personal chat. A refusal on a chat the bot opened stops it for good (until a roster shows
// the person anew).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDue, type DeliveryDeps } from "../../src/platform/reminders/deliverer";
import { defaultReminderSettings } from "../../src/platform/reminders/settings";
import type { OpenPersonalChat } from "../../src/platform/reminders/sender";
import type { Db } from "../../src/platform/store/db";
import { findUser, type Organisation, setUserRole } from "../../src/platform/store/organisations";
import { insertOutboxMessage } from "../../src/platform/store/outbox";
import { markAbsentMembersLeft, ROSTER_PAGE_LIMIT, type RosterPerson, type RosterSource, rememberRosterPage } from "../../src/platform/store/roster-members";
import { createTwoInstanceDatabase, type TestDatabase, type TwoInstanceDatabase } from "../support/database";
import { connectorError, type FakeConnector, fakeConnector, listKeys, organisationNamed } from "./reminder-fixtures";

let twin: TwoInstanceDatabase;
let database: TestDatabase;
let clients: [Db, Db];
let organisation: Organisation;
let connector: FakeConnector;
const now = new Date("2026-11-25T10:00:00Z");

const person = (n: number): RosterPerson => ({ aadObjectId: `aad-m${n}`, teamsUserId: `29:m${n}`, name: `Member ${n}` });

function source(rosterId: string, readId?: string): RosterSource {
  return {
    organisationId: organisation.id,
    rosterId,
    serviceUrl: "http://connector.invalid/",
    botId: "28:bot",
    ...(readId ? { readId } : {}),
    roleFor: () => "viewer",
  };
}

async function remember(db: Db, rosterId: string, people: readonly RosterPerson[], readId?: string) {
  for (let start = 0; start < people.length; start += ROSTER_PAGE_LIMIT) {
    await rememberRosterPage(db, source(rosterId, readId), people.slice(start, start + ROSTER_PAGE_LIMIT));
  }
}

function deps(db: Db, open: OpenPersonalChat): DeliveryDeps {
  return {
    db,
    owner: "roster",
    clock: () => now,
    settings: defaultReminderSettings({ quietHours: undefined }),
    compose: listKeys,
    sender: { send: connector.send, open, sleep: async () => undefined },
  };
}

async function enqueue(key: string, aadObjectId: string) {
  await insertOutboxMessage(database.db, {
    organisationId: organisation.id,
    dedupeKey: key,
    kind: "engagement.pending-approval",
    recipient: { type: "user", aadObjectId },
    deadlineKey: key,
    threshold: "sla",
    notBefore: now,
    payload: {},
  });
}

const openAs =
  (conversationId: string): OpenPersonalChat =>
  async () => ({ conversation: { id: conversationId }, serviceUrl: "http://connector.invalid/" });

beforeAll(async () => {
  twin = await createTwoInstanceDatabase();
  ({ database, clients } = twin);
  organisation = await organisationNamed(database.db, "tenant-roster", "Europe/Paris");
});

beforeEach(() => {
  connector = fakeConnector();
});

afterAll(async () => twin?.destroy());

describe("remembering a roster", () => {
  it("remembers 1,200 members in pages, creating unknown people with the default role and keeping a known role and name", async () => {
    await setUserRole(database.db, { organisationId: organisation.id, aadObjectId: "aad-m7", name: "Megan Bowen", role: "approver" });
    await remember(
      database.db,
      "19:big-team",
      Array.from({ length: 1_200 }, (_, n) => person(n)),
      "read-1",
    );
    expect(await database.db.rosterMember.count({ where: { rosterId: "19:big-team", leftAt: null } })).toBe(1_200);
    expect(await database.db.partnerUser.count({ where: { organisationId: organisation.id, role: "viewer" } })).toBe(1_199);
    expect(await findUser(database.db, organisation.id, "aad-m7")).toMatchObject({ name: "Megan Bowen", role: "approver", teamsUserId: "29:m7" });
    expect(await findUser(database.db, organisation.id, "aad-m1199")).toMatchObject({ name: "Member 1199", role: "viewer" });
  });

  it("marks the members a complete read no longer sees as left", async () => {
    await remember(
      database.db,
      "19:big-team",
      Array.from({ length: 1_198 }, (_, n) => person(n)),
      "read-2",
    );
    expect(await markAbsentMembersLeft(database.db, organisation.id, "19:big-team", "read-2", now)).toBe(2);
    const left = await database.db.rosterMember.findMany({ where: { rosterId: "19:big-team", leftAt: { not: null } }, select: { aadObjectId: true } });
    expect(left.map((row) => row.aadObjectId).sort()).toEqual(["aad-m1198", "aad-m1199"]);
  });

  it("gives one user and one membership per person when two instances read the same roster at once", async () => {
    const people = Array.from({ length: 40 }, (_, n) => person(5_000 + n));
    await Promise.all(clients.map((db) => remember(db, "19:shared", people)));
    expect(await database.db.rosterMember.count({ where: { rosterId: "19:shared" } })).toBe(40);
    expect(await database.db.partnerUser.count({ where: { aadObjectId: { in: people.map((p) => p.aadObjectId) } } })).toBe(40);
  });
});

describe("delivering to a member who never wrote", () => {
  it("lets two instances holding rows of the same member meet on one personal chat, each row sent once", async () => {
    await remember(database.db, "19:race", [person(9_001)]);
    await enqueue("race-1", "aad-m9001");
    let calls = 0;
    let firstArrived!: () => void;
    const firstOpening = new Promise<void>((resolve) => (firstArrived = resolve));
    let bothArrived!: () => void;
    const bothOpening = new Promise<void>((resolve) => (bothArrived = resolve));
    // Each instance's create-conversation waits for the other's: they store the answer at once.
    const open: OpenPersonalChat = async (target) => {
      calls += 1;
      if (calls === 1) firstArrived();
      if (calls === 2) bothArrived();
      await Promise.race([bothOpening, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      return openAs(`a:opened-${target.teamsUserId}`)(target);
    };
    const first = deliverDue(deps(clients[0], open));
    await firstOpening;
    // The first instance holds race-1 under its lease; the second claims the row planned since.
    await enqueue("race-2", "aad-m9001");
    const reports = await Promise.all([first, deliverDue(deps(clients[1], open))]);
    expect(calls).toBe(2);
    expect(reports.reduce((sum, report) => sum + report.rowsSent, 0)).toBe(2);
    expect(connector.sent.map((s) => s.text).sort()).toEqual(["race-1", "race-2"]);
    expect(await database.db.conversationReference.count({ where: { aadObjectId: "aad-m9001" } })).toBe(1);
  });

  it("stops a member whose opened chat answers 404, and opens no chat for them on the next run", async () => {
    await remember(database.db, "19:gone", [person(9_002)]);
    await enqueue("gone-1", "aad-m9002");
    let opens = 0;
    const open: OpenPersonalChat = async (target) => {
      opens += 1;
      return openAs(`a:opened-${target.teamsUserId}`)(target);
    };
    connector.failNext(connectorError(404));
    expect(await deliverDue(deps(database.db, open))).toMatchObject({ rowsDead: 1, messagesSent: 0 });
    expect(await database.db.rosterMember.findFirstOrThrow({ where: { aadObjectId: "aad-m9002" } })).toMatchObject({ stoppedReason: "http_404" });
    await enqueue("gone-2", "aad-m9002");
    expect(await deliverDue(deps(database.db, open))).toMatchObject({ rowsDead: 1, messagesSent: 0 });
    expect(opens).toBe(1);
  });

  it("tries again once the member is seen on a roster anew", async () => {
    await remember(database.db, "19:gone", [person(9_002)]);
    await database.db.conversationReference.updateMany({ where: { aadObjectId: "aad-m9002" }, data: { deadAt: now } });
    await enqueue("gone-3", "aad-m9002");
    expect(await deliverDue(deps(database.db, openAs("a:opened-29:m9002")))).toMatchObject({ rowsSent: 1 });
  });
});
