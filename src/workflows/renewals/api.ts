// Inbound API: the vendor's renewal report posted by the partner's integration, as JSON holding
// the CSV file (its text, or its bytes in base64 when its encoding must survive the trip), for an
// organisation the write API key may act for. All-or-nothing and idempotent like the import:
// posting the same report again changes nothing. A bad file is answered 400 with every error
// named by line and column.
import { z } from "zod";
import { type ApiCaller, mayActFor } from "../../platform/http/api-caller";
import { type ApiReply, invalidBody, writeRoute } from "../../platform/http/write-route";
import type { ApiOperation } from "../../platform/http/openapi";
import type { RouteRegistrar } from "../../platform/http/server";
import { translator } from "../../platform/i18n/translator";
import { importFileOf } from "../../platform/import/file-reader";
import { importFormat } from "../../platform/import/import-file";
import { runImport } from "../../platform/import/run-import";
import type { Services } from "../../platform/services";
import { findOrganisationByTenant } from "../../platform/store/organisations";
import { RENEWAL_SECTION } from "./import/line-items";
import { importErrorText } from "./import/report-reader";
import { readReportFile } from "./import/report-file";
import { PLAYGROUND_TENANT_ID } from "../../platform/import/demo/playground-identities";

/** A report of some thousands of line items; the HTTP server's body limit applies first. */
const CSV_MAX_CHARS = 4_000_000;

export const ZRenewalReportBodySchema = z
  .strictObject({
    organisationTenantId: z.string().trim().min(1).max(100),
    csv: z.string().min(1).max(CSV_MAX_CHARS).optional().describe("The report's CSV text"),
    csvBase64: z.string().min(1).max(CSV_MAX_CHARS).optional().describe("The report's CSV file, base64: its encoding is then detected"),
  })
  .refine((body) => (body.csv === undefined) !== (body.csvBase64 === undefined), { message: "give either csv or csvBase64", path: ["csv"] });

const RENEWAL_REPORT_EXAMPLE = [
  "Agreement number,Line item,Site name,Customer name,End date,Value,Currency,Quote number,Account owner",
  '0000654321,001,Contoso Surabaya,Contoso Ltd,2027-02-28,"4,800.00",USD,,',
].join("\n");

const ZReportResultSchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

export const RENEWAL_API_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/renewal-reports",
    operationId: "importRenewalReport",
    summary: "The vendor's renewal report (CSV, English or Indonesian headers); all-or-nothing, idempotent by agreement and line item",
    scope: "write",
    body: ZRenewalReportBodySchema,
    example: { organisationTenantId: PLAYGROUND_TENANT_ID, csv: RENEWAL_REPORT_EXAMPLE },
    response: { status: 200, schema: ZReportResultSchema, description: "What the report changed; a replay changes nothing (unchanged counts every line item)" },
    errors: [400, 404, 413],
  },
];

type Reply = ApiReply;

export const registerRenewalApi: RouteRegistrar = (server, services) => {
  server.post("/api/v1/renewal-reports", writeRoute(services, "renewal report", importReport));
};

const english = translator("en");

async function importReport(body: unknown, services: Services, caller: ApiCaller): Promise<Reply> {
  const parsed = ZRenewalReportBodySchema.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const organisation = await findOrganisationByTenant(services.db, parsed.data.organisationTenantId);
  if (!organisation || !mayActFor(caller, organisation.id)) return { status: 404, body: { error: "not_found", message: "unknown organisation" } };
  const bytes = parsed.data.csv !== undefined ? Buffer.from(parsed.data.csv, "utf8") : Buffer.from(parsed.data.csvBase64 ?? "", "base64");
  const reading = readReportFile(bytes);
  if (!reading.ok) {
    const errors = reading.errors.map((e) => ({ line: e.line, column: e.column ?? null, code: e.code, message: importErrorText(english, e) }));
    return { status: 400, body: { error: "invalid_report", errors } };
  }
  const input = importFileOf(organisation, { [RENEWAL_SECTION]: reading.items });
  const report = await runImport(importFormat(services.tables.importSections), services.db, input, services.clock());
  if (!report.ok)
    return {
      status: 400,
      body: { error: "invalid_report", errors: report.problems.map((p) => ({ line: 0, column: null, code: "invalid", message: p.message })) },
    };
  const outcome = report.summary.sections[RENEWAL_SECTION] ?? { created: 0, updated: 0, unchanged: 0 };
  return { status: 200, body: { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged } };
}
