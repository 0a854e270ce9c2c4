// The inbound API of usage reports: the platform's report created then replayed (200, replayed),
// a 400 naming the field, an update of the provisioned lines while in preparation, and the
// distributor's decision idempotent by its id; all with a write API key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findReportByPlatformId } from "../../../../src/workflows/usage-reports/store/reports";
import { submitOnce } from "../../../../src/workflows/usage-reports/store/commands";
import { startTestBot, TEST_TENANT_ID, type TestBot } from "../../../support/bot";
import { mspAccount } from "../store/fixtures";

const API_KEY = "vendor-key-usage-0123456789-abcdef";
let bot: TestBot;
const now = new Date("2026-12-02T09:00:00Z");
let platformAccountId = "";

const post = (path: string, body: unknown, key = API_KEY) =>
  fetch(`${bot.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });

const reportBody = (provisioned: string) => ({
  organisationTenantId: TEST_TENANT_ID,
  platformReportId: "API-R-1",
  platformAccountId,
  cycle: "2026-11",
  openedAt: "2026-12-01T00:30:00Z",
  lines: [
    { lineId: "seats", product: "Endpoint security", unit: "license seats", provisionedUnits: provisioned, billableUnits: "8" },
    { lineId: "gb", product: "Email archive", unit: "GB-months", provisionedUnits: "120.5" },
  ],
});

beforeAll(async () => {
  bot = await startTestBot({ env: { VENDOR_API_KEY: API_KEY }, app: { clock: () => now } });
  platformAccountId = (await mspAccount(bot.database.db, bot.organisation.id)).platformAccountId;
});

afterAll(async () => bot?.stop());

describe("the usage report API", () => {
  it("creates a report, answers a replay with the same result, and updates the counts while in preparation", async () => {
    const first = await post("/api/v1/usage-reports", reportBody("10"));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ platformReportId: "API-R-1", state: "in_preparation", version: 0, replayed: false });
    const replay = await post("/api/v1/usage-reports", reportBody("10"));
    expect(await replay.json()).toMatchObject({ version: 0, replayed: true });
    const update = await post("/api/v1/usage-reports", reportBody("11"));
    expect(await update.json()).toMatchObject({ version: 1, replayed: false });
  });

  it("names the field at fault, and refuses without a key", async () => {
    const bad = await post("/api/v1/usage-reports", { ...reportBody("10"), cycle: "2026-13" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fields: { cycle: expect.stringMatching(/not a report cycle/) } });
    const negative = await post("/api/v1/usage-reports", reportBody("-1"));
    expect(negative.status).toBe(400);
    expect((await post("/api/v1/usage-reports", reportBody("10"), "wrong")).status).toBe(401);
  });

  it("records the distributor's rejection once by its id", async () => {
    const report = await findReportByPlatformId(bot.database.db, bot.organisation.id, "API-R-1");
    await submitOnce(bot.database.db, {
      organisationId: bot.organisation.id,
      reportId: report?.id ?? "",
      edit: { baseVersion: report?.version ?? 0, lines: [{ lineId: "seats", comment: "Cancelled" }] },
      actor: { userId: "aad-ana", name: "Ana", role: "billing" },
      now,
    });
    const decision = {
      organisationTenantId: TEST_TENANT_ID,
      decisionId: "API-D-1",
      platformReportId: "API-R-1",
      outcome: "rejected",
      lineNotes: [{ lineId: "seats", note: "Attach the ticket" }],
    };
    const first = await post("/api/v1/usage-report-decisions", decision);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ state: "rejected", replayed: false });
    expect(await (await post("/api/v1/usage-report-decisions", decision)).json()).toMatchObject({ state: "rejected", replayed: true });
    const again = await findReportByPlatformId(bot.database.db, bot.organisation.id, "API-R-1");
    await submitOnce(bot.database.db, {
      organisationId: bot.organisation.id,
      reportId: again?.id ?? "",
      edit: { baseVersion: again?.version ?? 0, lines: [] },
      actor: { userId: "aad-ana", name: "Ana", role: "billing" },
      now,
    });
    const noNote = await post("/api/v1/usage-report-decisions", { ...decision, decisionId: "API-D-2", lineNotes: [] });
    expect(noNote.status).toBe(400);
    expect(await noNote.json()).toMatchObject({ fields: { note: expect.stringMatching(/A rejection needs a note/) } });
  });
});
