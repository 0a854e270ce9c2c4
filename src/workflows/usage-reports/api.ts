// The licensing platform and the distributor over HTTP, authenticated by an organisation's write
// API key: POST /api/v1/usage-reports creates a report or updates its provisioned lines while it
// is in preparation (idempotent by platformReportId: the same body again answers 200 with
// replayed: true), and POST /api/v1/usage-report-decisions records the distributor's approval or
// rejection with notes (idempotent by decisionId). A 4xx names the field at fault.
import { z } from "zod";
import { ZDistributorDecisionSchema } from "./domain/distributor-decisions";
import { ZPlatformReportSchema } from "./domain/platform-reports";
import { receivePlatformReportIn, recordDecision, type ReportOutcome } from "./store/commands";
import { findAccountByPlatformId } from "./store/reports";
import type { Refusal } from "../../platform/domain/result";
import type { Services } from "../../platform/services";
import { retryLostRaces } from "../../platform/store/decide-once";
import { findOrganisationByTenant } from "../../platform/store/organisations";
import { type ApiCaller, mayActFor } from "../../platform/http/api-caller";
import { type ApiReply, invalidBody, refusalReply, writeRoute } from "../../platform/http/write-route";
import type { ApiOperation } from "../../platform/http/openapi";
import type { RouteRegistrar } from "../../platform/http/server";
import { PLAYGROUND_TENANT_ID } from "../../platform/import/demo/playground-identities";

const tenant = { organisationTenantId: z.string().trim().min(1).max(100) };

export const ZUsageReportBodySchema = ZPlatformReportSchema.extend(tenant).strict();
export const ZUsageReportDecisionBodySchema = z.intersection(z.object(tenant), ZDistributorDecisionSchema);

const ZReportResultSchema = z.object({
  reportId: z.string(),
  platformReportId: z.string(),
  state: z.enum(["in_preparation", "in_review", "approved", "rejected"]),
  version: z.number().int(),
  autoSubmitAt: z.iso.datetime(),
  replayed: z.boolean(),
});

export const USAGE_REPORT_API_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/usage-reports",
    operationId: "receiveUsageReport",
    summary: "The platform's usage report and its provisioned lines, created or updated while in preparation; idempotent by platformReportId",
    scope: "write",
    body: ZUsageReportBodySchema,
    example: {
      organisationTenantId: PLAYGROUND_TENANT_ID,
      platformReportId: "LMP-R-DEMO-1-2026-12",
      platformAccountId: "LMP-DEMO-1",
      cycle: "2026-12",
      openedAt: "2026-12-01T00:00:00+01:00",
      lines: [{ lineId: "m365-bp", product: "Microsoft 365 Business Premium", unit: "license seats", provisionedUnits: "48" }],
    },
    response: { status: 200, schema: ZReportResultSchema, description: "Recorded, or a replay of what was recorded (replayed: true)" },
    errors: [400, 404, 409, 413],
  },
  {
    method: "post",
    path: "/api/v1/usage-report-decisions",
    operationId: "recordUsageReportDecision",
    summary: "The distributor's approval, or rejection with notes per line, of a report under review; idempotent by decisionId",
    scope: "write",
    body: ZUsageReportDecisionBodySchema,
    example: {
      organisationTenantId: PLAYGROUND_TENANT_ID,
      decisionId: "NWD-DEC-20261201-0001",
      platformReportId: "LMP-R-DEMO-2-2026-11",
      outcome: "approved",
      decidedAt: "2026-12-01T09:00:00+01:00",
    },
    response: { status: 200, schema: ZReportResultSchema, description: "Recorded, or a replay (replayed: true)" },
    errors: [400, 404, 409, 413],
  },
];

type Reply = ApiReply;

export const registerUsageReportApi: RouteRegistrar = (server, services) => {
  server.post("/api/v1/usage-reports", writeRoute(services, "usage report", receiveReport));
  server.post("/api/v1/usage-report-decisions", writeRoute(services, "usage report", decide));
};

/** Refusals about one field of the body: answered 400 with that field named. */
const FIELD_OF: Partial<Record<string, string>> = {
  cycle_invalid: "cycle",
  units_invalid: "lines",
  line_duplicated: "lines",
  line_unknown: "lineNotes",
  note_too_long: "note",
  rejection_note_required: "note",
};

const refused = (refusal: Refusal): Reply => refusalReply(refusal, { words: "usageReport", fieldOf: FIELD_OF });

async function organisationFor(services: Services, caller: ApiCaller, tenantId: string) {
  const organisation = await findOrganisationByTenant(services.db, tenantId);
  return organisation && mayActFor(caller, organisation.id) ? organisation : undefined;
}

const UNKNOWN_ORGANISATION: Reply = { status: 404, body: { error: "not_found", message: "unknown organisation" } };

function result(outcome: ReportOutcome): Reply {
  if (outcome.kind === "refused" || !outcome.report) return refused(outcome.kind === "refused" ? outcome.refusal : { code: "not_found", facts: {} });
  const { report } = outcome;
  return {
    status: 200,
    body: {
      reportId: report.id,
      platformReportId: report.platformReportId,
      state: report.state,
      version: report.version,
      autoSubmitAt: report.autoSubmitAt.toISOString(),
      replayed: outcome.kind === "unchanged",
    },
  };
}

async function receiveReport(body: unknown, services: Services, caller: ApiCaller): Promise<Reply> {
  const parsed = ZUsageReportBodySchema.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const { organisationTenantId, ...report } = parsed.data;
  const organisation = await organisationFor(services, caller, organisationTenantId);
  if (!organisation) return UNKNOWN_ORGANISATION;
  const account = await findAccountByPlatformId(services.db, organisation.id, report.platformAccountId);
  if (!account) return { status: 404, body: { error: "not_found", fields: { platformAccountId: "no MSP account with this id in the organisation" } } };
  const now = services.clock();
  // A second delivery racing the first hits the unique platform id or the moved version: retried from a fresh read, it is a replay.
  const outcome = await retryLostRaces(() =>
    services.db.$transaction((tx) => receivePlatformReportIn(tx, account, report, { timeZone: organisation.timeZone, now })),
  );
  return result(outcome);
}

async function decide(body: unknown, services: Services, caller: ApiCaller): Promise<Reply> {
  const parsed = ZUsageReportDecisionBodySchema.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const { organisationTenantId, ...decision } = parsed.data;
  const organisation = await organisationFor(services, caller, organisationTenantId);
  if (!organisation) return UNKNOWN_ORGANISATION;
  return result(await recordDecision(services.db, organisation.id, decision, services.clock()));
}
