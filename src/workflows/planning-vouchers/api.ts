// The vendor's payment confirmations over HTTP: POST /api/v1/voucher-payments, authenticated by
// an organisation's write API key, body checked with zod (a 400 names the field), idempotent:
// the same confirmation again answers 200 with replayed: true; a different payment for a paid
// voucher is a 409.
import { z } from "zod";
import type { Refusal } from "../../platform/domain/result";
import { type ApiCaller, mayActFor } from "../../platform/http/api-caller";
import { type ApiReply, invalidBody, refusalReply, writeRoute } from "../../platform/http/write-route";
import type { ApiOperation } from "../../platform/http/openapi";
import type { RouteRegistrar } from "../../platform/http/server";
import type { Services } from "../../platform/services";
import { findOrganisationByTenant } from "../../platform/store/organisations";
import { ZPaymentConfirmationSchema } from "./domain/import-records";
import type { Voucher } from "./domain/voucher";
import { confirmVoucherPayment } from "./store/voucher-steps";
import { PLAYGROUND_TENANT_ID } from "../../platform/import/demo/playground-identities";

export const ZVoucherPaymentBodySchema = ZPaymentConfirmationSchema.extend({ organisationTenantId: z.string().trim().min(1).max(100) });

const ZVoucherPaymentResultSchema = z.object({
  voucherId: z.string(),
  reference: z.string(),
  state: z.string(),
  paymentReference: z.string().nullable(),
  paidOn: z.string().nullable(),
  replayed: z.boolean(),
});

export const VOUCHER_API_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/voucher-payments",
    operationId: "confirmVoucherPayment",
    summary: "The vendor's confirmation that it paid a planning voucher's invoice; idempotent",
    scope: "write",
    body: ZVoucherPaymentBodySchema,
    example: {
      organisationTenantId: PLAYGROUND_TENANT_ID,
      vendorVoucherId: "DDPS-7783-4410",
      paymentReference: "PAY-2026-11-30-7783",
      paidOn: "2026-11-30",
      invoiceNumber: "INV-7783",
    },
    response: { status: 200, schema: ZVoucherPaymentResultSchema, description: "Recorded, or a replay of what was recorded (replayed: true)" },
    errors: [400, 404, 409, 413],
  },
];

type Reply = ApiReply;

export const registerVoucherApi: RouteRegistrar = (server, services) => {
  server.post("/api/v1/voucher-payments", writeRoute(services, "voucher payment", confirm));
};

/** Refusals about one field of the body: answered 400 with that field named. */
const FIELD_OF: Partial<Record<string, string>> = { payment_reference_invalid: "paymentReference", paid_before_invoice: "paidOn" };

const refused = (refusal: Refusal): Reply => refusalReply(refusal, { words: "voucher", fieldOf: FIELD_OF });

async function confirm(body: unknown, services: Services, caller: ApiCaller): Promise<Reply> {
  const parsed = ZVoucherPaymentBodySchema.safeParse(body ?? {});
  if (!parsed.success) return invalidBody(parsed.error.issues);
  const { organisationTenantId, vendorVoucherId, paymentReference, paidOn, invoiceNumber } = parsed.data;
  const organisation = await findOrganisationByTenant(services.db, organisationTenantId);
  if (!organisation || !mayActFor(caller, organisation.id)) return { status: 404, body: { error: "not_found", message: "unknown organisation" } };
  const confirmation = { vendorVoucherId, reference: paymentReference, paidOn, ...(invoiceNumber ? { invoiceNumber } : {}) };
  const outcome = await confirmVoucherPayment(services.db, organisation.id, confirmation, organisation.timeZone, services.clock());
  if (outcome.outcome === "not_found") return { status: 404, body: { error: "not_found", message: "no voucher with this vendorVoucherId" } };
  if (outcome.outcome === "refused") return refused(outcome.refusal as Refusal);
  return { status: 200, body: { ...result(outcome.record), replayed: outcome.outcome === "unchanged" } };
}

function result(voucher: Voucher) {
  return {
    voucherId: voucher.id,
    reference: voucher.reference,
    state: voucher.state,
    paymentReference: voucher.payment?.reference ?? null,
    paidOn: voucher.payment?.paidOn ?? null,
  };
}
