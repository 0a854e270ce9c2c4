// Access requests on a real database (SQLite and PostgreSQL): a request reaches the site's
// deciders through the outbox, is decided exactly once under a race across two instances, puts
// the requester on the user list once, and a Primary Contact claim is answered once by the vendor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../../src/platform/domain/roles";
import type { AccessDecisionCommand } from "../../../../src/workflows/site-access/domain/access-decisions";
import type { Grant } from "../../../../src/workflows/site-access/domain/entitlements";
import { listAudit } from "../../../../src/platform/store/audit";
import { ensureOrganisation, setUserRole } from "../../../../src/platform/store/organisations";
import { decideAccessRequestOnce, applyVerificationOnce } from "../../../../src/workflows/site-access/store/access-decisions";
import { createAccessRequest, findAccessRequest, listRequestsAwaiting } from "../../../../src/workflows/site-access/store/access-requests";
import { ACCESS_REQUEST_RECORD_KIND } from "../../../../src/workflows/site-access/store/records";
import { applySiteRecordIn } from "../../../../src/workflows/site-access/store/site-records";
import { findSiteByNumber, listSiteMembers } from "../../../../src/workflows/site-access/store/sites";
import { createTwoInstanceDatabase, type TwoInstanceDatabase } from "../../../support/database";

let database: TwoInstanceDatabase;
let organisationId: string;
let otherOrganisationId: string;
const now = new Date("2026-11-25T10:00:00Z");
const later = new Date("2026-11-25T11:00:00Z");
let pia: Actor;
let ada: Actor;
let rex: Actor;
let nonce = 0;
function key(): string {
  nonce += 1;
  return `form-${nonce}`;
}
const grant: Grant = { role: "user", mayApprove: false, entitlements: ["reporting", "guided_selling"] };

const db = () => database.database.db;

beforeAll(async () => {
  database = await createTwoInstanceDatabase();
  organisationId = (await ensureOrganisation(db(), "tenant-site-access", { timeZone: "UTC" })).id;
  otherOrganisationId = (await ensureOrganisation(db(), "tenant-other", { timeZone: "UTC" })).id;
  pia = { ...(await setUserRole(db(), { organisationId, aadObjectId: "aad-pia", name: "Pia", role: "approver" })), organisationId };
  ada = { ...(await setUserRole(db(), { organisationId, aadObjectId: "aad-ada", name: "Ada", role: "admin" })), organisationId };
  rex = { ...(await setUserRole(db(), { organisationId, aadObjectId: "aad-rex", name: "Rex", role: "viewer" })), organisationId };
  await db().$transaction((tx) =>
    applySiteRecordIn(
      tx,
      organisationId,
      { siteNumber: "1234567", name: "Contoso Reseller", primaryContact: { userId: "aad-pia", name: "Pia" } },
      { actorName: "Vendor" },
      now,
    ),
  );
});

afterAll(async () => database?.destroy());

const notices = (kind: string) => db().outboxMessage.findMany({ where: { organisationId, kind }, orderBy: { dedupeKey: "asc" } });
const events = (type: string) => db().organisationEvent.findMany({ where: { organisationId, type } });

describe("asking for access to a site", () => {
  it("records a pending request and tells the site's Primary Contact through the outbox", async () => {
    const made = await createAccessRequest(db(), rex, { siteNumber: "123 4567", claimsPrimaryContact: false, requestKey: key() }, now);
    expect(made.outcome).toBe("created");
    if (made.outcome !== "created") return;
    expect(made.request).toMatchObject({ siteNumber: "1234567", state: "pending" });
    const told = (await notices("siteAccess.requested")).filter((row) => row.dedupeKey.includes(made.request.id));
    expect(told.map((row) => row.recipient)).toEqual(["user:aad-pia"]);
    expect((await listRequestsAwaiting(db(), pia, { limit: 10 })).items.map((r) => r.id)).toContain(made.request.id);
    expect((await listRequestsAwaiting(db(), rex, { limit: 10 })).items).toEqual([]);
  });

  it("makes one request of one form sent twice, and refuses a second open request for the same site", async () => {
    const form = { siteNumber: "1234567", claimsPrimaryContact: false, requestKey: key() };
    const viewer = { ...(await setUserRole(db(), { organisationId, aadObjectId: "aad-vic", name: "Vic", role: "viewer" })), organisationId };
    const [first, second] = await Promise.all([
      createAccessRequest(db(), viewer, form, now),
      createAccessRequest(database.clients[1] ?? db(), viewer, form, now),
    ]);
    expect([first.outcome, second.outcome].sort()).toEqual(["created", "unchanged"]);
    const again = await createAccessRequest(db(), viewer, { ...form, requestKey: key() }, now);
    expect(again.outcome === "refused" && again.refusal.code).toBe("request_already_pending");
  });

  it("reads another organisation's request as absent", async () => {
    const made = await createAccessRequest(
      db(),
      { ...rex, aadObjectId: "aad-rex-2" },
      { siteNumber: "1234567", claimsPrimaryContact: false, requestKey: key() },
      now,
    );
    if (made.outcome !== "created") throw new Error(made.outcome);
    expect(await findAccessRequest(db(), otherOrganisationId, made.request.id)).toBeUndefined();
    const outsider = { ...ada, organisationId: otherOrganisationId };
    const outcome = await decideAccessRequestOnce(db(), outsider, made.request.id, { kind: "approve", decisionId: "n-x", grant }, later);
    expect(outcome.outcome).toBe("not_found");
  });
});

describe("deciding an access request once", () => {
  it("lets one of 12 concurrent deciders on two instances decide, with one user row, one notice and one event", async () => {
    const requester = { ...(await setUserRole(db(), { organisationId, aadObjectId: "aad-raj", name: "Raj", role: "viewer" })), organisationId };
    const made = await createAccessRequest(db(), requester, { siteNumber: "1234567", claimsPrimaryContact: false, requestKey: key() }, now);
    if (made.outcome !== "created") throw new Error(made.outcome);
    const id = made.request.id;
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        decideAccessRequestOnce(
          database.clients[i % 2] ?? db(),
          i % 2 ? pia : ada,
          id,
          i % 3 ? { kind: "approve", decisionId: `n-${i}`, grant } : { kind: "reject", decisionId: `n-${i}`, reason: "not ours" },
          later,
        ),
      ),
    );
    expect(outcomes.filter((o) => o.outcome === "decided")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "refused" && o.refusal.code === "already_decided")).toHaveLength(11);
    const decided = await findAccessRequest(db(), organisationId, id);
    const history = await listAudit(db(), organisationId, ACCESS_REQUEST_RECORD_KIND, id);
    expect(history.map((entry) => entry.action)).toEqual(["requested", decided?.state]);
    const site = await findSiteByNumber(db(), organisationId, "1234567");
    const rows = (await listSiteMembers(db(), site!)).filter((member) => member.userId === "aad-raj");
    expect(rows).toHaveLength(decided?.state === "approved" ? 1 : 0);
    expect((await notices("siteAccess.decided")).filter((row) => row.dedupeKey.endsWith(id))).toHaveLength(1);
    const decidedEvents = (await events("siteaccess.request.decided")).filter((event) => event.payload.includes(id));
    expect(decidedEvents).toHaveLength(1);
  });

  it("takes the same click again as a replay, writing nothing", async () => {
    const made = await createAccessRequest(
      db(),
      { ...rex, aadObjectId: "aad-rio", name: "Rio" },
      { siteNumber: "1234567", claimsPrimaryContact: false, requestKey: key() },
      now,
    );
    if (made.outcome !== "created") throw new Error(made.outcome);
    const command: AccessDecisionCommand = { kind: "approve", decisionId: "n-replay", grant };
    expect((await decideAccessRequestOnce(db(), pia, made.request.id, command, later)).outcome).toBe("decided");
    expect((await decideAccessRequestOnce(db(), pia, made.request.id, command, later)).outcome).toBe("unchanged");
  });
});

describe("a Primary Contact claim", () => {
  it("goes to the vendor as an event and is answered once, making the claimant the Primary Contact", async () => {
    const claimant = { ...(await setUserRole(db(), { organisationId, aadObjectId: "aad-cy", name: "Cy", role: "viewer" })), organisationId };
    const made = await createAccessRequest(db(), claimant, { siteNumber: "7654321", claimsPrimaryContact: true, requestKey: key() }, now);
    if (made.outcome !== "created") throw new Error(made.outcome);
    expect(made.request.state).toBe("awaiting_vendor");
    expect((await events("siteaccess.primary_contact.claimed")).some((event) => event.payload.includes(made.request.id))).toBe(true);
    const answer = { verificationId: "ver-1", requestId: made.request.id, outcome: "confirmed", siteName: "Fabrikam Reseller" } as const;
    const outcomes = await Promise.all([
      applyVerificationOnce(db(), organisationId, answer, later),
      applyVerificationOnce(database.clients[1] ?? db(), organisationId, answer, later),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["decided", "unchanged"]);
    expect((await findSiteByNumber(db(), organisationId, "7654321"))?.primaryContact).toEqual({ userId: "aad-cy", name: "Cy" });
    expect((await findAccessRequest(db(), organisationId, made.request.id))?.state).toBe("approved");
  });
});
