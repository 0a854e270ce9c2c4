// Validating a voucher ID typed in chat ("validate VCH-7781") or in the list card's form: the
// voucher is looked for among this organisation's only, by the bot's reference or the vendor's
// printed ID; the answer says plainly why not, or shows eligibility and offers Reserve.
import type { TurnScope } from "../../platform/bot/turn-scope";
import type { Reply } from "../../platform/bot/intents/types";
import type { Refusal } from "../../platform/domain/result";
import { refusalText } from "../../platform/i18n/refusal-words";
import { voucherCardFor } from "./answers";
import { validateVoucherId } from "./domain/validation";
import { listEngagementTypes, loadStanding } from "./store/standing";
import { findVoucherByTypedId } from "./store/vouchers";

export async function validateTypedVoucher(scope: TurnScope, typed: string): Promise<Reply> {
  const { db } = scope.services;
  const organisationId = scope.organisation.id;
  const found = typed.trim() ? await findVoucherByTypedId(db, organisationId, typed.trim().slice(0, 200)) : undefined;
  const [engagementTypes, standing] = await Promise.all([listEngagementTypes(db, organisationId), loadStanding(db, organisationId)]);
  const actor = { userId: scope.actor.aadObjectId, name: scope.actor.name, role: scope.actor.role };
  const validated = validateVoucherId(typed, actor, scope.now, {
    timeZone: scope.organisation.timeZone,
    vouchers: found ? [found] : [],
    engagementTypes,
    standing,
  });
  if (!validated.ok) {
    const text = refusalText(scope.t, validated.refusal as Refusal, "voucher");
    if (found && validated.refusal.code !== "voucher_assigned_elsewhere") {
      return { card: await voucherCardFor(scope, found, { notice: { text, style: "attention" } }) };
    }
    return { text };
  }
  return { card: await voucherCardFor(scope, validated.value.voucher) };
}
