// Card actions on vouchers: open, validate a typed ID, and each step of the strict order. The
// card data only names the voucher and carries the form's inputs (zod-checked); the voucher is
// re-loaded within the actor's organisation and the role re-checked by the domain on every click.
import { z } from "zod";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";
import { refusalText } from "../../../platform/i18n/refusal-words";
import type { Refusal } from "../../../platform/domain/result";
import { openVouchersCard, partnerStandingCard, voucherCardFor } from "../answers";
import {
  ZCancelReservationInputSchema,
  ZCompletionReportInputSchema,
  ZInvoiceInputSchema,
  ZReserveInputSchema,
  ZScheduleInputSchema,
  ZValidateInputSchema,
} from "../domain/card-inputs";
import type { VoucherActor } from "../domain/permissions";
import { type VoucherCommand, takeVoucherStep } from "../store/voucher-steps";
import { findVoucher } from "../store/vouchers";
import { validateTypedVoucher } from "../validate";

export const VOUCHER_WORDS = "voucher";

const ZVoucherSchema = z.object({ voucherId: z.string().min(1).max(64) });

export function voucherActor(scope: ActionScope | Parameters<typeof validateTypedVoucher>[0]): VoucherActor {
  return { userId: scope.actor.aadObjectId, name: scope.actor.name, role: scope.actor.role };
}

export function notFound(scope: Pick<ActionScope, "t">): ActionOutcome {
  return { message: refusalText(scope.t, { code: "not_found", facts: {} }) };
}

function formValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "voucherId"));
}

async function step(scope: ActionScope, voucherId: string, command: VoucherCommand, raw: Record<string, unknown>): Promise<ActionOutcome> {
  const outcome = await takeVoucherStep(
    scope.services.db,
    { organisationId: scope.organisation.id, voucherId, actor: voucherActor(scope), timeZone: scope.organisation.timeZone, now: scope.now },
    command,
  );
  if (outcome.outcome === "not_found") return notFound(scope);
  if (outcome.outcome === "refused") {
    const refusal = outcome.refusal as Refusal;
    const style = refusal.code === "step_already_done" ? "accent" : "attention";
    return {
      card: await voucherCardFor(scope, outcome.record, { notice: { text: refusalText(scope.t, refusal, VOUCHER_WORDS), style }, values: formValues(raw) }),
    };
  }
  const voucher = outcome.record;
  const done = command.step === "cancel_reservation" ? "cancelled" : voucher.state;
  const notice = { text: scope.t.t(`voucher.notice.${done}`, { reference: voucher.reference }), style: "good" as const };
  return { card: await voucherCardFor(scope, voucher, { notice }) };
}

export const voucherActions = {
  "voucher.open": defineAction(ZVoucherSchema.extend({ view: z.enum(["details", "history"]).optional() }), false, async (scope, data) => {
    const voucher = await findVoucher(scope.services.db, scope.organisation.id, data.voucherId);
    if (!voucher) return notFound(scope);
    return { card: await voucherCardFor(scope, voucher, { history: data.view === "history" }) };
  }),
  "voucher.list": defineAction(z.object({}), false, async (scope) => ({ card: await openVouchersCard(scope) })),
  "voucher.standing": defineAction(z.object({}), false, async (scope) => ({ card: await partnerStandingCard(scope) })),
  "voucher.validate": defineAction(ZValidateInputSchema, false, async (scope, data) => {
    const answer = await validateTypedVoucher(scope, data.voucherId);
    return "card" in answer ? { card: answer.card } : { message: answer.text };
  }),
  "voucher.reserve": defineAction(ZReserveInputSchema.extend(ZVoucherSchema.shape), true, (scope, data) => {
    const { voucherId, ...command } = data;
    return step(scope, voucherId, { step: "reserve", command }, data);
  }),
  "voucher.cancelReservation": defineAction(ZCancelReservationInputSchema.extend(ZVoucherSchema.shape), true, (scope, data) => {
    const { voucherId, reason, note } = data;
    return step(scope, voucherId, { step: "cancel_reservation", command: { reason, note } }, data);
  }),
  "voucher.schedule": defineAction(ZScheduleInputSchema.extend(ZVoucherSchema.shape), true, (scope, data) => {
    const { voucherId, ...command } = data;
    return step(scope, voucherId, { step: "schedule", command }, data);
  }),
  "voucher.fileCompletionReport": defineAction(ZCompletionReportInputSchema.extend(ZVoucherSchema.shape), true, (scope, data) => {
    const { voucherId, ...command } = data;
    return step(scope, voucherId, { step: "file_completion_report", command }, { ...data, deliverables: command.deliverables.join("\n") });
  }),
  "voucher.redeem": defineAction(ZVoucherSchema, true, (scope, data) => step(scope, data.voucherId, { step: "redeem" }, {})),
  "voucher.invoice": defineAction(ZInvoiceInputSchema.extend(ZVoucherSchema.shape), true, (scope, data) => {
    const { voucherId, ...command } = data;
    return step(scope, voucherId, { step: "invoice", command }, data);
  }),
};
